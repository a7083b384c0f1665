/**
 * The scenario in the URL hash (#v1.<deflate+base64url>, see docs/sharing.md)
 * and in localStorage: written after each change (debounced, with
 * history.replaceState so the back button is not flooded), read at start,
 * and read again when the user pastes a new link. A bad link leaves the
 * current scenario in place and says why.
 */
import { decodeScenarioLink, encodeScenarioLink, linkFromLocation, MAX_LINK_CHARS, stripForLink } from '../core/scenario/link';
import type { Scenario } from '../core/scenario/types';
import { loadLastScenario, saveLastScenario } from './persist';
import { usePlanner } from './store';

/** The link of a scenario, and what could not go in it. */
export function shareLink(s: Scenario): { hash: string; omitted: string[]; fits: boolean } {
  const { scenario, omitted } = stripForLink(s);
  const payload = encodeScenarioLink(scenario);
  return { hash: `#${payload}`, omitted, fits: payload.length <= MAX_LINK_CHARS };
}

/** Apply a location hash: true if it held a scenario that was loaded. */
export function applyHash(hash: string): boolean {
  const { payload, params } = linkFromLocation(hash);
  const st = usePlanner.getState();
  if (params.hide) st.setHidden(params.hide.split(',').filter(Boolean));
  if (!payload) return false;
  const r = decodeScenarioLink(payload);
  if (!r.ok) {
    st.setNotice({ kind: 'error', text: `${r.message}. The current scenario is unchanged.` });
    return false;
  }
  const ok = st.load(r.scenario, 'the link');
  const omitted = (r.scenario.ui?.omitted as string[] | undefined) ?? [];
  if (ok && omitted.length > 0) st.setNotice({ kind: 'info', text: `Opened a shared scenario. Not included in the link: ${omitted.join('; ')}` });
  return ok;
}

export function startUrlSync(debounceMs = 300): () => void {
  const st = usePlanner.getState();
  const last = loadLastScenario();
  // a reload of this browser's own link: the saved scenario is the full one (with an uploaded log
  // or large profiles that the link leaves out), so it wins over the link's stripped copy
  const own = last !== null && shareLink(last).hash === `#${linkFromLocation(location.hash).payload}`;
  if (own) st.load(last, 'the saved scenario');
  else if (!applyHash(location.hash) && last) st.load(last, 'the saved scenario');
  let timer: ReturnType<typeof setTimeout> | null = null;
  let written = location.hash;
  const unsubscribe = usePlanner.subscribe((s, prev) => {
    if (s.scenario === prev.scenario) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      const { hash } = shareLink(s.scenario);
      const hide = s.hidden.length > 0 ? `&hide=${s.hidden.join(',')}` : '';
      written = hash + hide;
      history.replaceState(null, '', written);
      if (!saveLastScenario(s.scenario)) {
        usePlanner.getState().setNotice({ kind: 'info', text: 'The browser would not store this scenario (storage full?); it is still in the link and can be exported as a file.' });
      }
    }, debounceMs);
  });
  const onHash = (): void => {
    if (location.hash !== written) applyHash(location.hash);
  };
  window.addEventListener('hashchange', onHash);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHash);
  };
}
