/**
 * What the pages of every feature share: reading fields, messages and the error summary, the flash,
 * time limits, the code and email forms, mailed links' tokens, the French texts.
 */
package fr.ameli.compte.web.shared;
