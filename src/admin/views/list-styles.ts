/** Styles of the entries list (saved views, bulk bar, row actions), folded into the editor's one stylesheet. */
export const listCss = `
.list-layout{display:grid;grid-template-columns:minmax(0,1fr) 240px;gap:24px;align-items:start}
.views h2{margin-bottom:8px}
.view-list{list-style:none;margin:0 0 16px;padding:0}
.view-list li{display:flex;justify-content:space-between;align-items:center;gap:8px;padding:6px 0;border-bottom:1px solid var(--line)}
.view-list a[aria-current=page]{font-weight:700}
.view-list form{margin:0}
.save-view .pair input{min-width:0}
.filters .filter-actions{display:flex;gap:8px}
.list-main .filters input,.list-main .filters select{height:40px}
.view-list .link-button{color:var(--danger)}
.bulk-bar{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-bottom:12px}
.bulk-bar button,.bulk-bar .button{min-height:32px;padding:4px 12px}
th.pick,td.pick{width:40px;padding-right:0}
td.pick input{width:18px;height:18px;margin:0}
th a{color:inherit;text-decoration:none}th a:hover{text-decoration:underline}
td.row-actions{white-space:nowrap;text-align:right}
td.row-actions a{margin-left:12px;font-size:14px}
.bulk-summary p{margin:0 0 6px}
.bulk-summary ul.refused{margin:6px 0 0;padding-left:20px}
.bulk-summary form{margin:6px 0}
@media (max-width:860px){.list-layout{grid-template-columns:1fr}}
@media (max-width:640px){.list-main .filters{display:grid;grid-template-columns:1fr 1fr;gap:10px}.list-main .filters .grow,.list-main .filters .filter-actions{grid-column:1/3}
 table.entries tr{grid-template-columns:32px minmax(0,1fr) auto}
 table.entries td.title{grid-column:2/4}table.entries td.pick{grid-row:1/3}
 table.entries td.row-actions{display:none}}
`;
