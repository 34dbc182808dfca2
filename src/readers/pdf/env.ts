// Imported before PDF.js wherever it is imported statically: outside browsers (tests, Node),
// PDF.js needs a DOMMatrix as it loads (see ./dommatrix.ts). In browsers this does nothing.
import { installDomMatrix } from './dommatrix';

installDomMatrix();
