export { importSpace, type ImportSummary, type ImportPhase, type Outcome } from './import.js';
export { exportSpace, type ExportResult } from './export.js';
