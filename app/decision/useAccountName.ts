/** An account as people read it: `alias (id)` when the world gives it an alias. */
import { useCallback } from 'react';
import { useAppStore } from '../store';

export function useAccountName(): (id: string | undefined) => string {
  const world = useAppStore((s) => s.world);
  return useCallback(
    (id: string | undefined) => {
      if (!id) return '';
      const alias = world?.accounts.find((a) => a.id === id)?.alias;
      return alias ? `${alias} (${id})` : id;
    },
    [world],
  );
}
