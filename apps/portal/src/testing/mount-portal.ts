import { createTestingPinia } from '@pinia/testing';
import { flushPromises, mount } from '@vue/test-utils';
import { vi, type Mock } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import type { Component } from 'vue';
import type { Locale } from '@plenary/ui';
import { setPortalApi, type PortalApi } from '../api';
import { createPortalI18n } from '../i18n';
import { createPortalRouter } from '../router';

/** Mounts a component with the portal's real router, i18n and store (actions run against the given api). */
export async function mountPortal(
  component: Component,
  options: { api: PortalApi; locale: Locale; path?: string; props?: Record<string, unknown> },
) {
  setPortalApi(options.api);
  const router = createPortalRouter(createMemoryHistory());
  await router.push(options.path ?? '/');
  await router.isReady();
  const pinia = createTestingPinia({ createSpy: vi.fn as (...args: unknown[]) => Mock, stubActions: false });
  const wrapper = mount(component, {
    props: options.props ?? {},
    global: { plugins: [pinia, createPortalI18n(options.locale), router] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router };
}
