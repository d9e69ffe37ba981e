import { createContext, useContext } from 'react';

/** What the screen offers a pane: a confirm dialog that says exactly what will happen. */
export interface PaneHost {
  confirm(text: string, run: () => void): void;
}

export const PaneHostContext = createContext<PaneHost>({ confirm: () => undefined });

export function usePaneHost(): PaneHost {
  return useContext(PaneHostContext);
}
