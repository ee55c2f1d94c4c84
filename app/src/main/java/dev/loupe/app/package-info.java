/**
 * The JavaFX dashboard. {@link dev.loupe.app.Main} checks the desktop runtime and starts {@link
 * dev.loupe.app.LoupeApp}; views bind to view-models, and view-models reach the engine only through
 * services handed to their constructors. Nothing in the engine may depend on this package.
 */
package dev.loupe.app;
