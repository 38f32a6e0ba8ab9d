/** Styles of the Settings screens, folded into the editor's one stylesheet. */
export const settingsCss = `
input[type=url]{font:inherit;width:100%;padding:8px 10px;border:1px solid var(--line);border-radius:6px;background:var(--panel);color:var(--text)}
.field.invalid input[type=url]{border-color:var(--danger)}
.mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace}
.spaced-bottom{margin-bottom:20px}
.checks.invalid .topic-group{border-color:var(--danger)}
.subnav{margin:-4px 0 20px;border-bottom:1px solid var(--line)}
.subnav ul{display:flex;gap:4px;list-style:none;margin:0;padding:0;overflow-x:auto}
.subnav a{display:block;padding:8px 12px;text-decoration:none;color:var(--muted);font-weight:500;border-bottom:2px solid transparent;white-space:nowrap}
.subnav a:hover{color:var(--text)}
.subnav a[aria-current=page]{color:var(--text);border-bottom-color:var(--accent)}
.table-wrap{overflow-x:auto;border-radius:var(--radius);position:relative}
td code,dd code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:13px;word-break:break-all}
pre.snippet{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:13px;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:12px;overflow-x:auto;margin:8px 0 16px}
.snippet.body{white-space:pre-wrap;word-break:break-all;max-height:420px;overflow:auto}
.danger-fill{background:var(--danger);border-color:var(--danger);color:#fff}
@media (prefers-color-scheme:dark){.snippet.body{white-space:pre-wrap;word-break:break-all;max-height:420px;overflow:auto}
.danger-fill{color:#1a0000}}
.confirm h1{margin-bottom:12px}
.check{font-weight:400;display:flex;gap:8px;align-items:center;margin:2px 0}
.check input{width:18px;height:18px;margin:0;flex:none}
.topic-group{border:1px solid var(--line);border-radius:6px;padding:10px 14px;margin:0 0 10px}
.topic-group legend{font-weight:600;padding:0 4px}
.topic-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(110px,1fr));gap:2px 12px}
.header-row{display:grid;grid-template-columns:1fr 1fr auto;gap:8px;align-items:center;margin-bottom:8px}
.header-row label.check{white-space:nowrap}
.filter-row{display:grid;grid-template-columns:minmax(0,200px) minmax(0,1fr);gap:8px;align-items:end}
.split{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:24px;align-items:start}
dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:6px 16px;margin:0}
dl.facts dt{color:var(--muted);font-size:13px;font-weight:600}
dl.facts dd{margin:0}
.badge.failed{color:var(--danger)}
.rules{margin:0;padding-left:18px}
.secret-once{border-left-color:var(--warn)}
.field-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:0 16px;align-items:end}
.muted{color:var(--muted)}
.field-grid input[readonly]{background:var(--bg);color:var(--muted)}
td .actions{flex-wrap:nowrap;justify-content:flex-end}
.form-sections h2{margin-top:28px}.form-sections h2:first-of-type{margin-top:0}
.body-label{margin:14px 0 0}
@media (max-width:640px){.top nav ul,.subnav ul{flex-wrap:wrap}
 table.stack thead{display:none}table.stack tr{display:block;padding:10px 14px;border-bottom:1px solid var(--line)}table.stack td{display:block;border:0;padding:3px 0}
 table.stack td[data-label]::before{content:attr(data-label);display:inline-block;min-width:92px;color:var(--muted);font-size:13px;font-weight:600}
 td .actions{justify-content:flex-start;margin-top:6px}
 .split{grid-template-columns:minmax(0,1fr)}.header-row{grid-template-columns:1fr}.filter-row{grid-template-columns:1fr}}
`;
