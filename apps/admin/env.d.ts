/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

interface ImportMetaEnv {
  /** PrimeUI licence key (PrimeVue 5 shows a licence notice without one). */
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
