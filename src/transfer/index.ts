export { importSpace, type ImportSummary, type ImportPhase, type Outcome } from './import.js';
