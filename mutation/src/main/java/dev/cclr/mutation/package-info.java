/**
 * No code of its own: the build unpacks the reference server's classes here for PIT to mutate
 * (PIT mutates only the classes of the module it runs in, and skips a module without sources).
 */
package dev.cclr.mutation;
