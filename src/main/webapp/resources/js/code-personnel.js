/*
 * « Je choisis un code personnel »: as the person types, ask the server (Faces Ajax) to check the
 * code against the rules and redraw the check marks and the strength. The rules themselves live
 * on the server only (CodePolicy). An external script, so that the Content-Security-Policy needs
 * no inline script. Debounced: the check runs once the typing pauses, and only then is the
 * one-sentence summary ("regles-bilan") copied into the polite live region ("regles-annonce"),
 * and only when it changed, so that a screen reader is not told on every keystroke.
 */
(function () {
    "use strict";
    var field = document.getElementById("codePersonnel:code");
    var announcement = document.getElementById("regles-annonce");
    if (!field || typeof faces === "undefined") {
        return;
    }
    var timer = null;
    var told = "";
    function tell(data) {
        if (data.status !== "success" || !announcement) {
            return;
        }
        var summary = document.getElementById("regles-bilan");
        var text = summary ? summary.textContent.trim() : "";
        if (text && text !== told) {
            told = text;
            announcement.textContent = text;
        }
    }
    field.addEventListener("input", function (event) {
        if (timer) {
            window.clearTimeout(timer);
        }
        timer = window.setTimeout(function () {
            faces.ajax.request(field, event, { execute: field.id, render: "codePersonnel:regles", onevent: tell });
        }, 400);
    });
})();
