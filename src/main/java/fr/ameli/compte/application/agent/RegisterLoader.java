package fr.ameli.compte.application.agent;

import java.io.Reader;

/**
 * Loads a register extract (PRODUCT §4) the way the start-up does: a known NIR is updated, a new
 * one added, a bad row reported with its line number without stopping the others. The port the
 * espace agent's upload goes through (PRODUCT §2.12); implemented next to the start-up's loader.
 */
public interface RegisterLoader {

    /**
     * Loads the extract read from {@code csv}; {@code source} names it in the log (the uploaded file's
     * name); each person it adds or changes is an audit event naming {@code uploadedBy} and what changed
     * (never an IBAN or a serial).
     */
    RegisterLoad load(String source, Reader csv, fr.ameli.compte.domain.agent.Agent uploadedBy);
}
