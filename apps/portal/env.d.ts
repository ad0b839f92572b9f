/// <reference types="vite/client" />

// For tools that read .ts files without Vue support (the type-aware linter); vue-tsc reads the .vue files themselves.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
