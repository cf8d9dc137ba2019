/** The «Версия для слабовидящих» controls; the state lives in localStorage and on <html>. */
const KEY = 'nastavnichestvo:lv';
interface State {
  on: boolean;
  scheme: 'bw' | 'wb' | 'blue';
  size: 1 | 2 | 3;
  images: boolean;
}
const root = document.documentElement;

function read(): State {
  try {
    return { on: false, scheme: 'bw', size: 1, images: true, ...JSON.parse(localStorage.getItem(KEY) || '{}') };
  } catch {
    return { on: false, scheme: 'bw', size: 1, images: true };
  }
}

function apply(state: State) {
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    /* private mode: the setting lasts for this page only */
  }
  if (state.on) {
    root.dataset.lv = 'on';
    root.dataset.lvScheme = state.scheme;
    root.dataset.lvSize = String(state.size);
    root.dataset.lvImages = state.images ? 'on' : 'off';
  } else {
    delete root.dataset.lv;
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lv-set]')) {
    const [key, value] = button.dataset.lvSet!.split(':');
    const current = String(state[key as keyof State]);
    button.setAttribute('aria-pressed', String(current === value));
  }
  document.querySelector('[data-lv-toggle]')?.setAttribute('aria-pressed', String(state.on));
}

let state = read();
apply(state);

document.addEventListener('click', (event) => {
  const target = (event.target as Element).closest<HTMLElement>('[data-lv-toggle], [data-lv-set]');
  if (!target) return;
  if (target.dataset.lvToggle !== undefined) {
    state = { ...state, on: !state.on };
  } else {
    const [key, value] = target.dataset.lvSet!.split(':');
    const parsed = key === 'size' ? Number(value) : key === 'images' ? value === 'true' : value;
    state = { ...state, [key]: parsed };
  }
  apply(state);
});
