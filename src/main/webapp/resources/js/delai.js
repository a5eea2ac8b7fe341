/*
 * The warning before a time limit (RGAA 13.1, WCAG 2.2.1), for the pages that give the template a
 * "delai" (the wizard: its conversation; Mon espace and the espace agent: their session; a mailed
 * link's page: the link; see WEB-INF/templates/page.xhtml). The dialog is a native
 * <dialog role="alertdialog">: opened with showModal(), it takes the focus (« Prolonger »), is
 * announced with its title and text, and Escape closes it like « Annuler ».
 *  - « Prolonger » sends one light request: a Faces Ajax post of the page's form that executes and
 *    renders nothing, which is enough for the server to count the person as active again (the
 *    conversation and the session start their count anew); on a mailed link's page, the post of its
 *    hidden button [data-prolonger], which gives the link more time — and renders the element its
 *    data-restant names, which says how many seconds the link now has (a link at its longest life
 *    gets none more: the status then says so). The countdown starts again.
 *  - « Annuler » closes the dialog; the limit then comes as it would have.
 * Without script nothing happens here, and the server's « Votre session a expiré » page stays the
 * fallback.
 */
(function () {
    "use strict";

    var dialog = document.getElementById("delai");
    if (!dialog || typeof dialog.showModal !== "function") {
        return;
    }
    var texts = dialog.dataset;
    var total = parseInt(texts.secondes, 10);
    var afterExtension = parseInt(texts.apres, 10);
    var warnBefore = parseInt(texts.avertir, 10);
    var left = document.getElementById("delai-restant");
    var extend = document.getElementById("delai-prolonger");
    var cancel = document.getElementById("delai-annuler");
    var status = document.createElement("p");
    status.id = "delai-statut";
    status.className = "sr-only";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    document.body.appendChild(status);

    // An end no « Prolonger » pushes back (an agent's session lifetime), counted from the page's arrival.
    var endsAt = texts.finDans ? Date.now() + parseInt(texts.finDans, 10) * 1000 : Infinity;
    var deadline;
    var ticking = null;
    var warning = null;

    function shown(seconds) {
        var minutes = Math.floor(seconds / 60);
        var rest = seconds % 60;
        return (minutes > 0 ? minutes + " " + texts.minutes + " " : "") + (rest < 10 && minutes > 0 ? "0" : "") + rest + " " + texts.secondesUnite;
    }

    function tick() {
        var seconds = Math.max(0, Math.round((deadline - Date.now()) / 1000));
        left.textContent = shown(seconds);
        if (seconds === 0) {
            clearInterval(ticking);
            document.getElementById("delai-titre").textContent = texts.expireTitre;
            document.getElementById("delai-texte").textContent = texts.expireTexte;
            extend.hidden = true;
            cancel.textContent = texts.fermer;
            cancel.focus();
            // The dialog changed its meaning: said at once, not only shown (RGAA 7.5).
            status.setAttribute("role", "alert");
            status.textContent = texts.expireTitre + ". " + texts.expireTexte;
        }
    }

    function warn() {
        tick();
        dialog.showModal();
        extend.focus();
        ticking = setInterval(tick, 1000);
    }

    function start() {
        deadline = Math.min(Date.now() + total * 1000, endsAt);
        clearTimeout(warning);
        warning = setTimeout(warn, Math.max(0, deadline - Date.now() - warnBefore * 1000));
    }

    function extended(atLongest) {
        close();
        start();
        status.textContent = atLongest ? texts.plusProlongeable : deadline === endsAt ? texts.finAtteinte : texts.prolonge;
    }

    function close() {
        clearInterval(ticking);
        if (dialog.open) {
            dialog.close();
        }
    }

    // While its request runs, « Prolonger » says it is unavailable but keeps the focus (a disabled
    // button would lose it), and a second press does nothing.
    function busy(on) {
        extend.setAttribute("aria-disabled", on ? "true" : "false");
    }

    extend.addEventListener("click", function () {
        // A page whose limit is not its session's (a mailed link's) names the button that extends it.
        var trigger = document.querySelector("[data-prolonger]");
        var viewState = document.querySelector("form input[name='jakarta.faces.ViewState']");
        if (extend.getAttribute("aria-disabled") === "true") {
            return;
        }
        busy(true);
        if (!viewState || typeof faces === "undefined") {
            // A page without a form (a logged-in page showing only links): asking for the page again
            // is the request that counts the session as active.
            fetch(window.location.href, {credentials: "same-origin", cache: "no-store"}).then(function (response) {
                busy(false);
                if (response.ok && !response.redirected) {
                    extended(false);
                } else {
                    tick();
                }
            }, function () {
                busy(false);
                tick();
            });
            return;
        }
        var remaining = trigger && trigger.dataset.restant;
        faces.ajax.request(trigger || viewState.form, null, {
            execute: trigger ? "@this" : "@none",
            render: remaining || "@none",
            onevent: function (data) {
                if (data.status === "success") {
                    busy(false);
                    var told = remaining ? parseInt(document.getElementById(remaining).textContent, 10) : NaN;
                    var atLongest = !isNaN(told) && told < afterExtension;
                    total = isNaN(told) ? afterExtension : told;
                    extended(atLongest);
                }
            },
            onerror: function () {
                // The limit had passed meanwhile: the server's answer to the next page says so.
                busy(false);
                tick();
            }
        });
    });
    cancel.addEventListener("click", close);
    dialog.addEventListener("cancel", function () {
        clearInterval(ticking);
    });

    start();
}());
