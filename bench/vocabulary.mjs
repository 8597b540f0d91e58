/**
 * The word lists the benchmark corpus is built from: English and Chinese
 * sentence parts about environmental reporting and software operations (the
 * two kinds of document bilint's fixtures show), bilingual terms, formulas
 * and a few deliberate defects. Written for the benchmark; no text is taken
 * from any other corpus.
 */

/** English sentence subjects. */
export const enSubjects = [
  'The monitoring network',
  'The provincial bureau',
  'Average PM2.5 concentrations',
  'The data sync service',
  'Each worker process',
  'The steel sector',
  'Most coastal stations',
  'The new dispersion model',
  'Our field team',
  'The city of Hangzhou',
  'Annual rainfall',
  'The regression suite',
  'The translation team',
  'The river basin authority',
  'Ozone (O3) readings',
  'The cement industry',
  'The public dashboard',
  'The emissions inventory',
  'The backup generator',
  'The review panel',
]

/** English verb phrases in the past tense, followed by an object. */
export const enPastVerbs = [
  'reported',
  'published',
  'revised',
  'measured',
  'doubled',
  'reviewed',
  'replaced',
  'extended',
  'simplified',
  'tracked',
  'recorded',
  'audited',
]

/** English objects. */
export const enObjects = [
  'the hourly station data',
  'its quarterly targets',
  'the ultra-low emission retrofits',
  'the solvent controls',
  'the configuration template',
  'a draft of the annual report',
  'the heating season forecast',
  'every sampling protocol',
  'the open data portal',
  'the cross-border water agreement',
  'the log rotation policy',
  'the national Grade II limit',
]

/** English endings that follow an object. */
export const enModifiers = [
  'for the third year in a row',
  'ahead of the summer peak',
  'after a long public consultation',
  'in every district of the delta',
  'without any change to the schedule',
  'as the regional plan requires',
  'despite a dry winter',
  'with help from two universities',
  'at a lower cost than expected',
  'before the audit began',
]

/** English measures that take a percentage. */
export const enChanges = ['fell by', 'rose by', 'dropped by', 'grew by', 'stayed within']

/** English connectives that open a second clause. */
export const enConnectives = ['while', 'and', 'but', 'whereas', 'so']

/** Short English heading titles. */
export const enHeadings = [
  'Summary',
  'Background',
  'Monitoring network',
  'Methods',
  'Findings',
  'Recommendations',
  'Data quality',
  'Installation',
  'Configuration',
  'Known issues',
  'Outlook',
  'Acknowledgements',
]

/** Chinese subjects. */
export const zhSubjects = [
  '监测网络',
  '省生态环境厅',
  '数据同步服务',
  '每个后台进程',
  '钢铁行业',
  '沿海站点',
  '新的扩散模型',
  '我们的外业团队',
  '杭州市',
  '年降水量',
  '翻译小组',
  '流域管理机构',
  '水泥行业',
  '公共看板',
  '排放清单',
  '评审专家组',
]

/** Chinese verbs. */
export const zhVerbs = ['发布了', '修订了', '测量了', '复核了', '替换了', '扩展了', '简化了', '记录了', '审核了', '公开了']

/** Chinese objects. */
export const zhObjects = [
  '每小时的站点数据',
  '季度目标',
  '超低排放改造方案',
  '溶剂使用管控措施',
  '配置模板',
  '年度报告初稿',
  '采暖季预报',
  '全部采样规程',
  '开放数据平台',
  '跨界水质协议',
  '日志轮转策略',
  '国家二级标准',
]

/** Chinese adverbials. */
export const zhAdverbs = ['连续第三年', '在夏季高峰前', '经过长时间公开征求意见后', '在三角洲各区', '按照区域规划的要求', '尽管冬季偏干', '在两所大学的协助下', '以低于预期的成本']

/** Chinese clauses that end a sentence. */
export const zhClauses = [
  '空气质量总体保持稳定',
  '公众对治理成效的满意度明显提高',
  '相关数据已在门户网站公开',
  '下一阶段将重点治理挥发性有机物',
  '各站点的数据完整率均超过百分之九十五',
  '请运维人员及时检查告警信息',
  '服务在重启后恢复正常',
  '该结论仍需更多观测数据验证',
]

/** Chinese verbs of change, followed by a percentage. */
export const zhChanges = ['下降了', '上升了', '减少了', '增加了']

/** Chinese heading titles. */
export const zhHeadings = ['总体要求', '适用范围', '术语', '安装步骤', '修改配置', '启动服务', '运行监控', '常见问题', '主要结论', '下一步工作', '版本历史', '环境指标']

/** Bilingual terms: an English word and the Chinese noun it modifies, spaced. */
export const mixedTerms = ['API 接口', 'Web 页面', 'Worker 进程', 'REST 接口', 'JSON 格式', 'Linux 服务器', 'TLS 证书', 'SQL 查询', 'CPU 使用率', 'Git 仓库']

/** Formulas and units that are written correctly, as they appear in Chinese text. */
export const zhFormulas = ['PM2.5浓度', 'CO2排放', 'SO2排放', 'NO2浓度', 'O3浓度', 'PM10浓度']

/** Terms with a Chinese gloss, for English sentences. */
export const glossedTerms = [
  ['Blue Sky Defence Battle', '蓝天保卫战'],
  ['river chief system', '河长制'],
  ['ecological red line', '生态保护红线'],
  ['clean heating plan', '清洁取暖计划'],
  ['haze', '霾'],
]

/** People with their Chinese names. */
export const people = [
  ['Zhang Wei', '张伟'],
  ['Li Na', '李娜'],
  ['Wang Fang', '王芳'],
  ['Chen Jie', '陈杰'],
]

/** Places named in both languages. */
export const places = [
  ['Poyang Lake', '鄱阳湖'],
  ['Taihu Lake', '太湖'],
  ['Qiantang River', '钱塘江'],
  ['Hongze Lake', '洪泽湖'],
]

/** Inline code spans. */
export const codeSpans = ['`make run YEAR=2025`', '`config.yaml`', '`systemctl start dss`', '`log.level`', '`/opt/dss`', '`--dry-run`']

/** Link targets. */
export const links = ['https://air.example.org', 'https://example.com/docs/tls', 'https://example.org/data/2025']

/**
 * Deliberate defects: sentences the `glued-subscript` rule should report.
 * Each is rare in the corpus (see the builder), as in real documents.
 */
export const defectSentences = [
  'Haze in the north was PM2.5Caused, not dust, according to the bureau.',
  'Summer readings of O3More than 160 μg/m³ were common.',
  'Steel plants cut CO2emissions by 8% last year.',
  'Nitrogen oxides (NOX) fell with the new traffic controls.',
  'The PM2.5Concentration target is 35 μg/m³.',
]

/** Code block bodies, each with its info string. */
export const codeBlocks = [
  ['yaml', 'database:\n  host: 127.0.0.1\n  port: 5432\n  user: dss'],
  ['sh', 'tar -xzf dss-2.3.1-linux-x64.tar.gz -C /opt/dss\nsystemctl enable --now dss\ncurl http://127.0.0.1:8080/health'],
  ['json', '{\n  "status": "ok",\n  "workers": 4,\n  "lagMs": 1.5\n}'],
  ['text', 'PM2.5Caused inside a code block is code, not prose.\nGrade I–III: 89.4%'],
]

/** Chinese numerals for section numbers (`一、`, `（二）`). */
const zhDigits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/**
 * A number from 1 to 99 in Chinese numerals (`十二`, `二十`).
 * @param {number} value
 * @returns {string}
 */
export function chineseNumeral(value) {
  if (value < 10) return zhDigits[value]
  const tens = Math.floor(value / 10)
  const ones = value % 10
  return `${tens === 1 ? '' : zhDigits[tens]}十${ones === 0 ? '' : zhDigits[ones]}`
}
