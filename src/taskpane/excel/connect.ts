// Inside Excel: gives the pane the reader and builder of src/office on the real Excel (Office.js).

import { officeHost } from '../../office/host';
import type { PaneStore } from '../model/store';
import { excelPort } from './port';

export async function connectExcel(store: PaneStore): Promise<void> {
  store.attachExcel(excelPort(officeHost()));
}
