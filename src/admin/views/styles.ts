/** The editor's stylesheet: system fonts, light and dark, visible focus. Served with a content hash. */
import { createHash } from 'node:crypto';
import { mediaCss } from './media-styles.js';
import { listCss } from './list-styles.js';
import { settingsCss } from './settings-styles.js';

export const adminCss = `
:root{color-scheme:light dark;--bg:#f6f7f9;--panel:#fff;--text:#1b1f24;--muted:#5b6472;--line:#dde1e7;--accent:#2457d6;--accent-text:#fff;--danger:#b42318;--ok:#067647;--warn:#9a6700;--focus:#2457d6;--radius:8px;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Ubuntu,sans-serif;font-size:15px;line-height:1.5}
@media (prefers-color-scheme:dark){:root{--bg:#111418;--panel:#1a1e24;--text:#e6e9ee;--muted:#9aa4b2;--line:#2c333d;--accent:#7aa2ff;--accent-text:#0b1020;--danger:#ff8a80;--ok:#6ce0a6;--warn:#f5c451;--focus:#9db9ff}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text)}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:8px;background:var(--panel);padding:8px 12px;border-radius:var(--radius);z-index:10}
.skip:focus{left:8px}
.top{display:flex;align-items:center;gap:24px;padding:0 24px;height:56px;background:var(--panel);border-bottom:1px solid var(--line);position:sticky;top:0;z-index:5}
.brand{font-weight:700;font-size:18px;text-decoration:none;color:var(--text);display:flex;gap:8px;align-items:center}
.brand span{color:var(--muted);font-weight:500;font-size:14px}
.top nav ul{display:flex;gap:4px;list-style:none;margin:0;padding:0}
.top nav a{display:block;padding:6px 12px;border-radius:6px;text-decoration:none;color:var(--muted);font-weight:500}
.top nav a:hover{background:var(--bg);color:var(--text)}
.top nav a[aria-current=page]{background:var(--bg);color:var(--text)}
.top details.menu{position:relative}.top details.menu summary{padding:6px 12px;border-radius:6px;color:var(--muted);font-weight:500;cursor:pointer}.top details.menu summary.current{background:var(--bg);color:var(--text)}
.top details.menu ul{display:block;position:absolute;z-index:10;min-width:12rem;background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:4px}
nav.locales ul{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}nav.locales a[aria-current=page]{font-weight:700}
textarea.code{font-family:ui-monospace,monospace;font-size:.9em}
.me{margin-left:auto;display:flex;align-items:center;gap:12px;color:var(--muted);font-size:14px}.me a{color:inherit}.after{margin-top:8px}.plain{list-style:none;padding:0;margin:8px 0;display:grid;gap:8px}.row-actions{display:flex;gap:8px;flex-wrap:wrap}.codes{columns:2;list-style:none;padding:0;margin:8px 0}.codes code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace}
.env{display:flex;align-items:center;gap:6px}.env strong{color:var(--text)}.env select{min-width:7em;max-width:14em}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0}
h2{font-size:17px;margin:0 0 12px}
.page-head{display:flex;align-items:center;justify-content:space-between;gap:16px;margin-bottom:20px;flex-wrap:wrap}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:var(--radius);padding:20px}
.button,button{font:inherit;display:inline-flex;align-items:center;justify-content:center;gap:6px;padding:7px 14px;border-radius:6px;border:1px solid var(--line);background:var(--panel);color:var(--text);cursor:pointer;text-decoration:none;font-weight:500;min-height:36px}
.button:hover,button:hover{border-color:var(--muted)}
.primary{background:var(--accent);border-color:var(--accent);color:var(--accent-text)}
.primary:hover{filter:brightness(1.08);border-color:var(--accent)}
.danger{color:var(--danger)}
.link-button{border:0;background:none;padding:0;min-height:0;color:var(--accent);text-decoration:underline;font-weight:400}
label{font-weight:600;display:block;margin-bottom:4px}
.hint{color:var(--muted);font-size:13px;margin:2px 0 6px}
input[type=text],input[type=email],input[type=password],input[type=search],input[type=date],input[type=datetime-local],input[type=number],select,textarea{font:inherit;width:100%;padding:8px 10px;border:1px solid var(--line);border-radius:6px;background:var(--panel);color:var(--text)}
textarea{min-height:84px;resize:vertical}
.field{margin-bottom:18px}
.field.invalid input,.field.invalid textarea,.field.invalid select{border-color:var(--danger)}
.error-text{color:var(--danger);font-size:14px;margin:4px 0 0;font-weight:500}
.error-summary{border:2px solid var(--danger);border-radius:var(--radius);padding:14px 18px;margin-bottom:20px;background:var(--panel)}
.error-summary h2{color:var(--danger)}
.error-summary ul{margin:0;padding-left:20px}
.mention{color:var(--accent)}
.notice{border-left:4px solid var(--ok);background:var(--panel);padding:12px 16px;border-radius:6px;margin-bottom:20px}
.notice.warn{border-color:var(--warn)}
.badge{display:inline-block;padding:2px 8px;border-radius:999px;font-size:12px;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.badge.draft{color:var(--warn)}.badge.changed{color:var(--accent)}.badge.published{color:var(--ok)}.badge.archived{color:var(--muted)}.badge.scheduled{color:#8e44ad}
.badge.role{color:var(--muted)}
.filters{display:flex;gap:12px;align-items:end;flex-wrap:wrap;margin-bottom:16px}
.filters .field{margin:0;flex:1 1 180px}
.filters .grow{flex:3 1 260px}
table{width:100%;border-collapse:collapse;background:var(--panel);border:1px solid var(--line);border-radius:var(--radius);overflow:hidden}
th,td{text-align:left;padding:10px 14px;border-bottom:1px solid var(--line);vertical-align:middle}
th{font-size:13px;color:var(--muted);font-weight:600}
td.title a{font-weight:600;text-decoration:none;color:var(--text)}
td.title a:hover{text-decoration:underline}
td .sub{color:var(--muted);font-size:13px}
.pager{display:flex;gap:8px;align-items:center;justify-content:space-between;margin-top:16px;color:var(--muted)}
.pager ul{display:flex;gap:6px;list-style:none;margin:0;padding:0}
.empty{padding:40px;text-align:center;color:var(--muted)}
.edit{display:grid;grid-template-columns:minmax(0,1fr) 320px;gap:24px;align-items:start}
.edit aside{display:flex;flex-direction:column;gap:16px;position:sticky;top:72px}
.edit.previewing{grid-template-columns:minmax(0,1fr) minmax(320px,42%)}
.preview-pane iframe{display:block;width:100%;height:70vh;min-height:360px;border:1px solid var(--line);border-radius:6px;background:#fff}
.field-row{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px;align-items:start}
.column-heads h2{font-size:15px;margin:0 0 8px}
.locale-tag{font-size:12px;font-weight:600;color:var(--muted);border:1px solid var(--line);border-radius:4px;padding:0 4px}
nav.locales{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 12px}nav.locales ul{margin:0 0 8px}
.has-fallback ::placeholder{font-style:italic}
.conflict-compare{margin-top:8px;padding:10px 12px;border:2px solid var(--warn);border-radius:6px}
.conflict-compare dl{display:grid;grid-template-columns:auto minmax(0,1fr);gap:4px 12px;margin:6px 0 10px}.conflict-compare dt{font-weight:600}.conflict-compare dd{margin:0;overflow-wrap:anywhere}
.in-conflict>input,.in-conflict>textarea,.in-conflict>select{border-color:var(--warn)}
.actions{display:flex;flex-wrap:wrap;gap:8px}
.save-state{font-size:13px;color:var(--muted);min-height:20px;margin:8px 0 0}
.save-state.conflict{color:var(--danger);font-weight:600}
.title-input{font-size:22px!important;font-weight:700}
.checks{border:0;padding:0;margin:0 0 18px}
.checks legend{font-weight:600;margin-bottom:4px;padding:0}
.checks label{font-weight:400;display:flex;gap:8px;align-items:center;margin:2px 0}
.toolbar{display:flex;flex-wrap:wrap;gap:4px;padding:6px;border:1px solid var(--line);border-bottom:0;border-radius:6px 6px 0 0;background:var(--bg)}
.toolbar button{min-height:30px;padding:3px 9px;font-size:13px}
.toolbar button[hidden]{display:none}
.toolbar button[aria-pressed=true]{background:var(--accent);color:var(--accent-text);border-color:var(--accent)}
.markdown-field textarea{border-radius:0 0 6px 6px}.markdown-preview{border:1px solid var(--line);border-radius:0 0 6px 6px;padding:4px 14px;min-height:10em;overflow-wrap:anywhere}
.slug-state:empty{display:none}.slug-state.warning{color:var(--danger);font-weight:500}
.ProseMirror,.body-preview{min-height:320px;border:1px solid var(--line);border-radius:0 0 6px 6px;padding:12px 16px;background:var(--panel);font-size:16px;line-height:1.6;white-space:pre-wrap}
.body-preview{border-radius:6px;white-space:normal}
.ProseMirror:focus{outline:3px solid var(--focus);outline-offset:-1px}
.ProseMirror blockquote{border-left:3px solid var(--line);margin-left:0;padding-left:14px;color:var(--muted)}
.ProseMirror figure,.body-preview figure{margin:12px 0;padding:8px;border:1px dashed var(--line);border-radius:6px}
.ProseMirror figure img,.body-preview figure img{max-width:100%;height:auto;display:block}
.ProseMirror-selectednode{outline:3px solid var(--focus)}
.pm-frame{position:relative}
.picker-filter-row{display:flex;gap:8px;align-items:center;margin-bottom:6px}.picker-filter{flex:1 1 auto;max-width:24rem}
.pm-entry{margin:12px 0;padding:8px 12px;border:1px dashed var(--line);border-radius:6px;background:var(--bg)}
.pm-entry-inline{display:inline-block;padding:0 6px;border:1px solid var(--line);border-radius:4px;background:var(--bg);font-size:14px}
.ProseMirror table{border-collapse:collapse;table-layout:fixed;width:100%;margin:12px 0;white-space:normal}
.ProseMirror td,.ProseMirror th{border:1px solid var(--line);padding:4px 8px;vertical-align:top;min-width:3em;position:relative}
.ProseMirror th{background:var(--bg);text-align:left}
.ProseMirror td p,.ProseMirror th p{margin:0}
.ProseMirror .selectedCell:after{content:"";position:absolute;inset:0;background:color-mix(in srgb,var(--accent) 18%,transparent);pointer-events:none}
.ProseMirror-gapcursor{display:none}
.pm-popover,.pm-slash{position:absolute;z-index:5;background:var(--panel);border:1px solid var(--line);border-radius:8px;box-shadow:0 6px 24px rgb(0 0 0/.14);padding:6px}
.pm-popover{display:flex;flex-wrap:wrap;gap:6px;align-items:center;max-width:min(420px,100%)}
.pm-popover[hidden],.pm-slash[hidden]{display:none}
.pm-popover-target{max-width:240px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.pm-link-form{display:flex;flex-wrap:wrap;gap:6px;align-items:center}.pm-link-form input{flex:1 1 220px}.pm-link-form .error-text{flex-basis:100%}.pm-link-form .error-text:empty{display:none}
.pm-slash{list-style:none;margin:0;min-width:200px;max-height:260px;overflow:auto}
.pm-slash li{padding:6px 10px;border-radius:6px;cursor:pointer}
.pm-slash li[aria-selected=true]{background:var(--accent);color:var(--accent-text)}
.link-picker{display:grid;gap:6px}.link-list{list-style:none;margin:0;padding:0;display:grid;gap:4px}.link-list[hidden]{display:none}
.link-list li{display:flex;gap:8px;align-items:center;flex-wrap:wrap;padding:6px 8px;border:1px solid var(--line);border-radius:6px;background:var(--panel)}.link-list li a{flex:1 1 12rem;overflow-wrap:anywhere}.link-move{min-width:2.25rem}
.link-search{position:relative;max-width:32rem}.link-search input{width:100%}
.link-options{position:absolute;z-index:6;left:0;right:0;list-style:none;margin:2px 0 0;padding:4px;max-height:300px;overflow:auto;background:var(--panel);border:1px solid var(--line);border-radius:8px;box-shadow:0 6px 24px rgb(0 0 0/.14)}
.link-options[hidden]{display:none}.link-options li{display:flex;gap:8px;align-items:center;padding:6px 10px;border-radius:6px;cursor:pointer}.link-options .link-title{flex:1 1 auto;overflow-wrap:anywhere}
.link-options li[aria-selected=true]{background:var(--accent);color:var(--accent-text)}.link-options li[aria-selected=true] .badge,.link-options li[aria-selected=true] .sub{color:inherit}
.link-status:empty{display:none}
.entry-choices{list-style:none;margin:8px 0;padding:0;max-height:300px;overflow:auto;min-width:min(420px,80vw)}
.entry-choice{display:block;width:100%;text-align:left;margin:2px 0}
.pm-preserved{display:block;padding:6px;background:var(--bg);color:var(--muted);border-radius:4px}
.picker{display:grid;grid-template-columns:repeat(auto-fill,minmax(84px,1fr));gap:8px;max-height:260px;overflow:auto;padding:4px}
.picker label{margin:0;font-weight:400;position:relative}
.picker input{position:absolute;opacity:0}
.picker img,.picker .none{display:block;width:100%;aspect-ratio:4/3;object-fit:cover;border-radius:6px;border:2px solid transparent;background:var(--bg)}
.picker .none{display:flex;align-items:center;justify-content:center;font-size:12px;color:var(--muted)}
.picker input:checked+img,.picker input:checked+.none{border-color:var(--accent)}
.picker input:focus-visible+img,.picker input:focus-visible+.none{outline:3px solid var(--focus);outline-offset:2px}
.current-image{width:100%;border-radius:6px;display:block;margin-bottom:8px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:16px}
.card{background:var(--panel);border:1px solid var(--line);border-radius:var(--radius);overflow:hidden;text-decoration:none;color:var(--text);display:flex;flex-direction:column}
.card img{width:100%;aspect-ratio:3/2;object-fit:cover;display:block;background:var(--bg)}
.card .file-kind{aspect-ratio:3/2;display:grid;place-items:center;background:var(--bg);color:var(--muted);font-weight:600}
.card .meta{padding:10px 12px;display:flex;flex-direction:column;gap:4px}
.card .name{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.card:hover{border-color:var(--muted)}
.drop{border:2px dashed var(--line);border-radius:var(--radius);padding:28px;text-align:center;background:var(--panel);margin-bottom:20px}
.drop.over{border-color:var(--accent);background:var(--bg)}
.drop label{display:inline-block;font-weight:500}
.uploads{list-style:none;padding:0;margin:12px 0 0;text-align:left}
.uploads li{display:grid;grid-template-columns:1fr 200px auto;gap:12px;align-items:center;padding:6px 0}
progress{width:100%;height:10px}
.media-edit{display:grid;grid-template-columns:minmax(0,1fr) 360px;gap:24px;align-items:start}
.focal{position:relative;display:inline-block;max-width:100%;cursor:crosshair;line-height:0}
.focal img{max-width:100%;height:auto;border-radius:6px}
.focal .dot{position:absolute;width:26px;height:26px;margin:-13px 0 0 -13px;border-radius:50%;border:3px solid #fff;box-shadow:0 0 0 2px #000,0 0 8px #000;pointer-events:none}
.previews{display:flex;flex-wrap:wrap;gap:16px;margin-top:16px}
.previews figure{margin:0}
.previews figcaption{font-size:13px;color:var(--muted)}
.previews img{display:block;border-radius:6px;background:var(--bg);max-width:100%;height:auto}
.token-once{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all;background:var(--bg);padding:10px;border-radius:6px;display:block;margin:8px 0}
.inline-form{display:inline-flex;gap:8px;align-items:center}
.inline-form select{width:auto}
${settingsCss}
${mediaCss}
.login{max-width:400px;margin:10vh auto;padding:0 16px}
.login h1{margin-bottom:20px}
.login .brand{margin-bottom:24px;font-size:22px}
.block{display:block}.pair{display:flex;gap:12px}.spaced{margin-top:20px}.narrow{margin-top:24px;max-width:560px}.measure{max-width:720px;margin-bottom:16px}
ul.grid{list-style:none;padding:0;margin:0}
.links{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:12px 0 0}
.scheduled-note{margin:10px 0 0;font-size:14px}
.pending{list-style:none;margin:0 0 16px;padding:0}
.pending li{display:flex;justify-content:space-between;align-items:center;gap:8px;padding:8px 0;border-bottom:1px solid var(--line);font-size:14px}
.pending li:last-child{border-bottom:0}
.sub{color:var(--muted);font-size:13px}
.below{display:grid;grid-template-columns:minmax(0,1fr) 320px;gap:24px;margin-top:24px}
.versions{list-style:none;margin:0;padding:0}
.versions li{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:8px 16px;padding:10px 0;border-top:1px solid var(--line)}
.version-meta .sub{display:block}
.version-actions{display:flex;flex-wrap:wrap;gap:8px}
.version-actions form{margin:0}
.compare-head{margin-bottom:16px}
.compare-head p{margin:0 0 10px}
.diff-fields{display:flex;flex-direction:column;gap:12px;margin-bottom:20px}
.diff-field h2{display:flex;gap:8px;align-items:center}
.diff-field summary{cursor:pointer}
details.diff-field{padding:12px 20px}
.diff-field.same .diff{margin-top:10px;color:var(--muted)}
.diff{overflow-wrap:anywhere;line-height:1.7}
.body-diff{white-space:pre-wrap}
ins,del{padding:0 2px;border-radius:3px}
ins{text-decoration:underline 2px;text-underline-offset:3px;background:color-mix(in srgb,var(--ok) 16%,transparent);color:inherit}
del{text-decoration:line-through 2px;background:color-mix(in srgb,var(--danger) 14%,transparent);color:inherit}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:860px){.edit,.edit.previewing,.media-edit,.below,.field-row{grid-template-columns:1fr}.edit aside{position:static}.column-heads{display:none}.preview-pane iframe{height:60vh}}
@media (max-width:640px){.top{height:auto;flex-wrap:wrap;padding:10px 16px;gap:8px}.me{margin-left:0;flex-wrap:wrap;gap:8px 12px}.env{flex-basis:100%}main{padding:16px}
 table.articles thead{display:none}table.articles tr{display:grid;grid-template-columns:1fr auto;padding:10px 14px;border-bottom:1px solid var(--line)}
 table.articles td{border:0;padding:2px 0}table.articles td.hide-narrow{display:none}.uploads li{grid-template-columns:1fr}}
${listCss}`;

export const adminCssHash = createHash('sha256').update(adminCss).digest('hex').slice(0, 12);
export const adminCssHref = `/admin/assets/admin.${adminCssHash}.css`;
