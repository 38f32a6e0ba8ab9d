/** Styles of the media library and an asset's details, folded into the editor's one stylesheet. */
export const mediaCss = `
.filter-check{display:flex;gap:6px;align-items:center;padding-bottom:8px;white-space:nowrap}
.card .sub{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.upload-summary:empty{display:none}
.upload-summary{margin:10px 0 0;font-weight:500}
.uploads li.failed .upload-name{color:var(--danger)}
.uploads li.failed{grid-template-columns:1fr minmax(0,2fr)}
.upload-name{overflow-wrap:anywhere}
.drop.compact{padding:10px 12px;margin:8px 0 0;text-align:left;display:block}
.drop.compact[hidden]{display:none}
.drop.compact .hint{margin-left:8px}
.media-edit .stack{display:flex;flex-direction:column;gap:16px;min-width:0}
.media-edit .panel h3{font-size:14px;margin:12px 0 4px}
.focal svg.faces{position:absolute;inset:0;width:100%;height:100%;pointer-events:none}
.focal svg.faces rect{fill:none;stroke:#ffd400;stroke-width:2;vector-effect:non-scaling-stroke;stroke-dasharray:6 4}
.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:4px 16px;margin:0 0 12px}
.facts dt{color:var(--muted)}.facts dd{margin:0}
.break{overflow-wrap:anywhere}
.usage{list-style:none;margin:0;padding:0}
.usage li{display:flex;flex-wrap:wrap;gap:8px;align-items:center;padding:6px 0;border-bottom:1px solid var(--line)}
.replace{margin-top:12px}
.drop label[hidden],.replace label[hidden],[data-upload-submit][hidden]{display:none}
.drop input[type=file],.replace input[type=file]{max-width:100%;margin:0 8px 8px 0}
.replace-state:empty{display:none}
.locale-switch ul{display:flex;flex-wrap:wrap;gap:6px;list-style:none;margin:0 0 14px;padding:0}
.locale-switch a{display:inline-block;padding:4px 10px;border:1px solid var(--line);border-radius:999px;text-decoration:none;color:var(--text)}
.locale-switch a[aria-current=page]{border-color:var(--accent);background:var(--accent);color:var(--accent-text)}
.locale-switch a[aria-current=page] .sub{color:inherit}
table.texts{width:100%;border-collapse:collapse;margin-top:16px;font-size:14px}
.drop.compact .uploads li{grid-template-columns:1fr;gap:4px;border-top:1px solid var(--line)}
@media (max-width:640px){.grid{grid-template-columns:repeat(2,minmax(0,1fr));gap:10px}.card .meta{padding:8px}}
table.texts caption{text-align:left;font-weight:600;margin-bottom:4px}
table.texts th,table.texts td{text-align:left;padding:4px 6px;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere}
`;
