/**
 * The stylesheet and script inlined into every HTML report. The page loads
 * nothing else: its Content Security Policy allows inline styles and scripts
 * only, so the fonts are the reader's own (with CJK fonts in every stack).
 */

/** Sans-serif fonts for reading, Latin first, then CJK fonts of the common systems. */
const textFonts = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Noto Sans"',
  '"Liberation Sans"',
  'Arial',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  'sans-serif',
].join(', ')

/** Monospace fonts for positions and fixes, with CJK fallbacks. */
const codeFonts = [
  'ui-monospace',
  '"SFMono-Regular"',
  '"Cascadia Mono"',
  'Menlo',
  'Consolas',
  '"Liberation Mono"',
  '"DejaVu Sans Mono"',
  '"Noto Sans Mono CJK SC"',
  '"Sarasa Mono SC"',
  '"PingFang SC"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"WenQuanYi Micro Hei Mono"',
  'monospace',
].join(', ')

/** The report's stylesheet, light and dark. */
export const reportCss = `
:root {
  color-scheme: light dark;
  --bg: #f6f7f9; --fg: #1f2328; --muted: #59636e; --card: #ffffff; --border: #d1d9e0; --stripe: #f6f8fa;
  --error: #cf222e; --error-bg: rgba(255, 92, 92, 0.26); --error-bar: #e5484d;
  --warning: #bf8700; --warning-bg: rgba(255, 196, 0, 0.38); --warning-bar: #f0b429;
  --safe: #1a7f37; --safe-bg: rgba(46, 160, 67, 0.18);
  --accent: #0969da; --tip-bg: #1f2328; --tip-fg: #f6f8fa;
  --font-text: ${textFonts};
  --font-code: ${codeFonts};
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --card: #151b23; --border: #3d444d; --stripe: #1b222c;
    --error: #ff7b72; --error-bg: rgba(248, 81, 73, 0.3); --warning: #e3b341; --warning-bg: rgba(187, 128, 9, 0.4);
    --safe: #3fb950; --safe-bg: rgba(46, 160, 67, 0.3);
    --accent: #4493f8; --tip-bg: #2a313c; --tip-fg: #f0f6fc;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); font-family: var(--font-text); font-size: 16px; line-height: 1.5; }
body { margin: 0; }
header, main { max-width: 76rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 2.5rem 0 0.75rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--border); overflow-wrap: anywhere; }
h2 .counts { font-size: 0.9rem; font-weight: normal; color: var(--muted); margin-left: 0.5rem; }
.lede { color: var(--muted); margin: 0 0 1rem; }
code, .position { font-family: var(--font-code); font-size: 0.9em; }
del, ins { font-family: var(--font-code); }
a { color: var(--accent); }
.stats { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1rem 0 1.5rem; padding: 0; list-style: none; }
.stats li { background: var(--card); border: 1px solid var(--border); border-radius: 8px; padding: 0.6rem 1rem; min-width: 8rem; }
.stats strong { display: block; font-size: 1.6rem; line-height: 1.2; }
.stats .stat-error strong { color: var(--error); }
.stats .stat-warning strong { color: var(--warning); }
.stats .stat-safe strong { color: var(--safe); }
table { border-collapse: collapse; width: 100%; background: var(--card); border: 1px solid var(--border); margin: 0 0 1.5rem; }
caption { text-align: left; font-weight: 600; padding: 0.4rem 0; }
th, td { padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
thead th { background: var(--stripe); font-size: 0.85rem; color: var(--muted); font-weight: 600; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.total { font-weight: 600; }
tr.clean th, tr.clean td { color: var(--muted); }
.rules th[scope="row"] { white-space: nowrap; }
.rules label { cursor: pointer; }
.description { color: var(--muted); font-size: 0.9rem; }
td.chart, th.chart { width: 24%; min-width: 8rem; vertical-align: middle; }
.bar { display: flex; height: 0.9rem; border-radius: 3px; overflow: hidden; background: var(--stripe); }
.bar span { flex: none; height: 100%; }
.bar-error { background: var(--error-bar); }
.bar-warning { background: var(--warning-bar); }
.legend { font-size: 0.85rem; color: var(--muted); margin: -1rem 0 1.5rem; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; vertical-align: -0.05em; margin: 0 0.3em 0 0.8em; }
.sev-error { --sev: var(--error); --sev-bg: var(--error-bg); }
.sev-warning { --sev: var(--warning); --sev-bg: var(--warning-bg); }
.swatch.sev-error { background: var(--error-bar); }
.swatch.sev-warning { background: var(--warning-bar); }
.source { background: var(--card); border: 1px solid var(--border); border-radius: 8px; padding: 0.6rem 0; font-size: 1.02rem; line-height: 1.8; }
.line { display: flex; align-items: baseline; }
.line:hover { background: var(--stripe); }
.ln { flex: 0 0 4.2em; padding-right: 1.1em; text-align: right; color: var(--muted); font-family: var(--font-code); font-size: 0.75em; user-select: none; opacity: 0.75; }
.ln::before { content: attr(data-n); }
.line.hit .ln { opacity: 1; color: var(--fg); font-weight: 600; }
.lt { flex: 1 1 auto; min-width: 0; white-space: pre-wrap; overflow-wrap: anywhere; padding-right: 1.2em; tab-size: 4; }
.lt:empty::before { content: "\\200b"; }
mark.m, span.mc { color: inherit; background: var(--sev-bg); box-shadow: inset 0 -2px 0 var(--sev); border-radius: 2px; padding: 0.1em 0; cursor: help; }
mark.m:empty, span.mc:empty { display: inline-block; width: 3px; height: 1.1em; margin: 0 1px; vertical-align: -0.15em; background: var(--sev); }
mark.m:focus, mark.m:target { outline: 2px solid var(--accent); outline-offset: 1px; }
mark.m.off, span.mc.off { background: none; box-shadow: none; cursor: auto; }
mark.m.off:empty, span.mc.off:empty { display: none; }
tr.off { display: none; }
.source + table { margin-top: 1.25rem; }
.findings td { font-size: 0.95rem; }
.findings .position, .findings code { white-space: nowrap; }
.badge { display: inline-block; padding: 0 0.45em; border-radius: 1em; font-size: 0.78rem; font-weight: 600; color: var(--sev); border: 1px solid var(--sev); white-space: nowrap; }
.message { white-space: pre-wrap; overflow-wrap: anywhere; }
.fix { margin-top: 0.3rem; overflow-wrap: anywhere; }
.fix-kind { display: inline-block; font-size: 0.72rem; font-weight: 600; padding: 0 0.45em; border-radius: 3px; margin-right: 0.4em; color: #ffffff; vertical-align: 0.1em; }
.fix-safe .fix-kind { background: #1a7f37; }
.fix-unsafe .fix-kind { background: #bc4c00; }
.fix-manual .fix-kind { background: #59636e; }
del, ins { white-space: pre-wrap; border-radius: 3px; padding: 0 0.2em; }
del { background: var(--error-bg); text-decoration: line-through; }
ins { background: var(--safe-bg); text-decoration: none; }
.ws { position: relative; background: rgba(128, 128, 128, 0.18); border-radius: 2px; }
.ws::before { content: "\\00b7"; position: absolute; left: 0; right: 0; text-align: center; opacity: 0.7; pointer-events: none; }
.nothing { font-style: italic; font-family: var(--font-text); opacity: 0.8; }
.arrow { color: var(--muted); }
.alternatives { color: var(--muted); }
.not-available { color: var(--muted); font-style: italic; }
.message-list { background: var(--card); border: 1px solid var(--border); border-radius: 8px; margin: 0 0 1.5rem; padding: 0.6rem 1rem 0.6rem 2.5rem; }
.message-list li { margin: 0.3rem 0; }
.empty { color: var(--muted); }
footer { max-width: 76rem; margin: 2rem auto; padding: 0 1.5rem; color: var(--muted); font-size: 0.85rem; }
#tip { position: absolute; z-index: 10; max-width: min(34rem, calc(100vw - 16px)); background: var(--tip-bg); color: var(--tip-fg); border-radius: 6px; padding: 0.5rem 0.75rem; box-shadow: 0 6px 20px rgba(0, 0, 0, 0.25); font-size: 0.9rem; line-height: 1.5; }
#tip[hidden] { display: none; }
#tip .tip-card + .tip-card { margin-top: 0.5rem; padding-top: 0.5rem; border-top: 1px solid rgba(255, 255, 255, 0.2); }
#tip .tip-head { font-size: 0.78rem; font-weight: 600; opacity: 0.85; }
#tip .tip-card.sev-error .tip-head::before, #tip .tip-card.sev-warning .tip-head::before { content: ""; display: inline-block; width: 0.6em; height: 0.6em; border-radius: 50%; margin-right: 0.4em; background: var(--sev); }
#tip .tip-card.sev-error { --sev: #ff8182; } #tip .tip-card.sev-warning { --sev: #eac54f; }
#tip del { background: rgba(255, 129, 130, 0.3); } #tip ins { background: rgba(63, 185, 80, 0.3); }
#tip .arrow, #tip .alternatives { color: inherit; opacity: 0.8; }
@media print { #tip, .rule-toggle { display: none; } .line { break-inside: avoid; } }
`

/**
 * The report's script: a tooltip for the highlighted findings, shown on
 * hover and on keyboard focus, listing every finding at that place with its
 * fix; links in the findings tables that focus their highlight; and switches
 * in the rule table that hide one rule's highlights and rows.
 */
export const reportScript = `
(() => {
  'use strict';
  const tip = document.getElementById('tip');
  if (!tip) return;
  const stashedTitles = [];
  // Whether the tooltip shows because of the pointer (which leaving hides it) or of keyboard focus.
  let shownByPointer = false;

  const primaryOf = (element) =>
    element.matches('mark.m') ? element : document.getElementById(element.dataset.of || '');

  const findingsAt = (element) => {
    const marks = [];
    for (let node = element; node && node !== document.body; node = node.parentElement) {
      if (!node.matches('mark.m, span.mc') || node.classList.contains('off')) continue;
      const mark = primaryOf(node);
      if (mark && !marks.includes(mark)) marks.push(mark);
    }
    return marks;
  };

  const cardOf = (mark) => {
    const card = document.createElement('div');
    card.className = 'tip-card ' + (mark.dataset.severity === 'error' ? 'sev-error' : 'sev-warning');
    const head = document.createElement('div');
    head.className = 'tip-head';
    head.textContent = [mark.dataset.severity, mark.dataset.rule, mark.dataset.line + ':' + mark.dataset.column].join(' \\u00b7 ');
    card.append(head);
    const row = document.getElementById(mark.dataset.detail || '');
    const detail = row && row.querySelector('.detail');
    if (detail) {
      for (const child of detail.children) {
        const copy = child.cloneNode(true);
        copy.removeAttribute('id');
        card.append(copy);
      }
    } else {
      card.append(mark.getAttribute('title') || '');
    }
    return card;
  };

  const restoreTitles = () => {
    for (const [element, title] of stashedTitles.splice(0)) element.setAttribute('title', title);
  };

  // The tooltip replaces the browser's own, which would otherwise cover it.
  const stashTitles = (element) => {
    for (let node = element; node && node !== document.body; node = node.parentElement) {
      const title = node.getAttribute('title');
      if (title !== null && node.closest('.source')) {
        stashedTitles.push([node, title]);
        node.removeAttribute('title');
      }
    }
  };

  const place = (anchor, pointerY) => {
    const rects = Array.from(anchor.getClientRects());
    let rect = rects[0] || anchor.getBoundingClientRect();
    if (pointerY !== undefined) rect = rects.find((box) => pointerY >= box.top && pointerY <= box.bottom) || rect;
    tip.style.left = '0px';
    tip.style.top = '0px';
    tip.hidden = false;
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const viewWidth = document.documentElement.clientWidth;
    const left = Math.max(8, Math.min(rect.left, viewWidth - width - 8));
    let top = rect.bottom + 6;
    if (top + height > window.innerHeight - 8 && rect.top - height - 6 > 8) top = rect.top - height - 6;
    tip.style.left = left + window.scrollX + 'px';
    tip.style.top = top + window.scrollY + 'px';
  };

  const show = (element, pointerY) => {
    const marks = findingsAt(element);
    if (marks.length === 0) return hide();
    restoreTitles();
    tip.replaceChildren(...marks.map(cardOf));
    if (pointerY !== undefined) stashTitles(element);
    place(element, pointerY);
    shownByPointer = pointerY !== undefined;
  };

  const hide = () => {
    tip.hidden = true;
    restoreTitles();
  };

  document.addEventListener('mouseover', (event) => {
    const target = event.target instanceof Element ? event.target.closest('mark.m, span.mc') : null;
    if (target) return show(target, event.clientY);
    if (shownByPointer && !(event.target instanceof Node && tip.contains(event.target))) hide();
  });
  document.addEventListener('focusin', (event) => {
    if (event.target instanceof Element && event.target.matches('mark.m')) show(event.target);
  });
  document.addEventListener('focusout', () => hide());
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  window.addEventListener('resize', hide);

  for (const link of document.querySelectorAll('a.to-mark')) {
    link.addEventListener('click', (event) => {
      const mark = document.getElementById(link.getAttribute('href').slice(1));
      if (!mark || mark.classList.contains('off')) return;
      event.preventDefault();
      mark.scrollIntoView({block: 'center'});
      mark.focus({preventScroll: true});
    });
  }

  for (const toggle of document.querySelectorAll('input.rule-toggle')) {
    toggle.hidden = false;
    toggle.addEventListener('change', () => {
      for (const element of document.querySelectorAll('mark.m, span.mc, tr.finding')) {
        if (element.dataset.rule !== toggle.dataset.rule) continue;
        element.classList.toggle('off', !toggle.checked);
        if (element.matches('mark.m')) element.tabIndex = toggle.checked ? 0 : -1;
      }
      hide();
    });
  }
})();
`
