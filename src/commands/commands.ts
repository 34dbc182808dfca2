/**
 * Function file for ribbon commands (manifest.xml → FunctionFile → commands.html).
 *
 * The "Mở PhuLuc" button only opens the task pane, so nothing is registered yet. Commands of
 * type ExecuteFunction will be added here with `Office.actions.associate('name', handler)`; each
 * handler must call `event.completed()` when it is done.
 */
if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    // Ribbon command handlers are associated here once there are any.
  });
}

export {};
