/*
 * What every page needs beyond HTML and CSS, for keyboard and screen-reader users (RGAA 4.1).
 * An external script, so that the Content-Security-Policy needs no inline script; the pages
 * work without it.
 *  - After a refused submit the error summary (WEB-INF/includes/erreurs.xhtml) takes the focus,
 *    and each of its links puts the focus in its field.
 *  - After a change that succeeded, its confirmation (".confirmation", role="status") takes the
 *    focus, so that it is read first and the keyboard goes on from there.
 *  - Enter in a field submits with the form's main button (the « Continuer » of ".boutons"), not
 *    with the first button of the form, which may be « Retour » or « Je ne dispose pas… ».
 *  - Each code field gets a « Afficher / Masquer » button; the change is announced politely.
 *    Texts come from the body's data-code-* attributes (the message bundle).
 */
(function () {
    "use strict";

    var summary = document.querySelector(".resume-erreurs");
    if (summary) {
        summary.focus();
        summary.addEventListener("click", function (event) {
            var link = event.target.closest("a[href^='#']");
            var field = link && document.getElementById(decodeURIComponent(link.getAttribute("href").substring(1)));
            if (field) {
                event.preventDefault();
                var label = document.querySelector("label[for='" + field.id + "']");
                (label || field).scrollIntoView();
                field.focus();
            }
        });
    }

    var confirmation = document.querySelector(".confirmation");
    if (confirmation && !summary) {
        confirmation.focus();
    }

    Array.prototype.forEach.call(document.forms, function (form) {
        var main = form.querySelector(".boutons input[type=submit].bouton:not(.secondaire)");
        if (!main || typeof form.requestSubmit !== "function") {
            return;
        }
        form.addEventListener("keydown", function (event) {
            var target = event.target;
            if (event.key === "Enter" && target.tagName === "INPUT" && target.type !== "submit" && target.type !== "button") {
                event.preventDefault();
                form.requestSubmit(main);
            }
        });
    });

    var texts = document.body.dataset;
    var status = null;
    function announce(text) {
        if (!status) {
            status = document.createElement("p");
            status.id = "annonce";
            status.className = "sr-only";
            status.setAttribute("role", "status");
            status.setAttribute("aria-live", "polite");
            status.setAttribute("aria-atomic", "true");
            document.body.appendChild(status);
        }
        status.textContent = text;
    }

    Array.prototype.forEach.call(document.querySelectorAll("input[type=password]"), function (field) {
        var label = document.querySelector("label[for='" + field.id + "']");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "bouton-afficher";
        button.id = field.id + "-afficher";
        button.setAttribute("aria-controls", field.id);
        var word = document.createElement("span");
        word.textContent = texts.codeAfficher;
        button.appendChild(word);
        if (label) {
            // « Afficher » alone would not say which code: the label completes it for screen readers.
            var which = document.createElement("span");
            which.className = "sr-only";
            which.textContent = " : " + label.textContent.replace("*", "").trim();
            button.appendChild(which);
        }
        button.addEventListener("click", function () {
            var show = field.type === "password";
            field.type = show ? "text" : "password";
            word.textContent = show ? texts.codeMasquer : texts.codeAfficher;
            announce(show ? texts.codeAffiche : texts.codeMasque);
        });
        var line = document.createElement("span");
        line.className = "champ-code";
        field.parentNode.insertBefore(line, field);
        line.appendChild(field);
        line.appendChild(button);
    });
})();
