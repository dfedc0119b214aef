// env.d.ts — Vite's client types (CSS imports, import.meta.env) for the renderer's type check.
/// <reference types="vite/client" />
