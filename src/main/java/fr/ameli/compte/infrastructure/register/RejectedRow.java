package fr.ameli.compte.infrastructure.register;

/** A row of a register extract that was not loaded, and why (in French, for the operator). */
public record RejectedRow(int lineNumber, String reason) {
}
