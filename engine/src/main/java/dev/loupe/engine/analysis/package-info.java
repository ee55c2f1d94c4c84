/**
 * Findings: small stateless rules that read a run's measurements and say, in plain words, what is
 * wrong and what to try, each with a severity shown as a colour, an icon and a word. The run and
 * report packages call it; it depends only on what it reads.
 */
package dev.loupe.engine.analysis;
