/*
 * « Je choisis un code personnel »: as the person types, ask the server (Faces Ajax) to check the
 * code against the rules and redraw the check marks and the strength. The rules themselves live
 * on the server only (CodePolicy). An external script, so that the Content-Security-Policy needs
 * no inline script; debounced, so that a screen reader is not told on every keystroke.
 */
(function () {
    "use strict";
    var field = document.getElementById("codePersonnel:code");
    if (!field || typeof faces === "undefined") {
        return;
    }
    var timer = null;
    field.addEventListener("input", function (event) {
        if (timer) {
            window.clearTimeout(timer);
        }
        timer = window.setTimeout(function () {
            faces.ajax.request(field, event, { execute: field.id, render: "codePersonnel:regles" });
        }, 400);
    });
})();
