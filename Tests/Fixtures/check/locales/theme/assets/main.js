// A runtime of one file, to show the checks of the keys it uses.
"use strict";
(function (runtime) {
  const { t, plural } = runtime;
  document.title = t("common.continue");
  const count = plural("common.back", 2);
  const name = "common.back";
  const chosen = t(name);
  const label = t(`priority.${runtime.id}`);
})(globalThis.toolkitRuntime);
