// The real Excel behind the ExcelHost interface: `Excel.run` and the requirement-set check.
// This is the only place that touches the `Excel` and `Office` globals for building and reading;
// the Office.js types fit the Xl* interfaces (checked at compile time in excel-api.ts), so no cast
// is needed here.

import type { ExcelHost } from '../render/office/excel-api';

export function officeHost(): ExcelHost {
  return {
    run: (options, batch) => Excel.run(options, (context) => batch(context)),
    isSetSupported: (version) => Office.context.requirements.isSetSupported('ExcelApi', version),
  };
}
