import { useEffect, useState } from "react";
import { enc, get } from "../api/client";

/**
 * Whether the user may do `action` on `resource` objects named by any of `objects` (the first
 * that answers yes wins). Unknown (undefined) while asking; no on any failure.
 */
export function useCanI(resource: string, action: string, objects: string[]): boolean | undefined {
  const [value, setValue] = useState<boolean | undefined>(undefined);
  const key = objects.join("|");
  useEffect(() => {
    let live = true;
    setValue(undefined);
    if (objects.length === 0) return;
    Promise.all(
      objects.map((o) =>
        get<{ value: string }>(
          `/api/v1/account/can-i/${enc(resource)}/${enc(action)}/${o.split("/").map(enc).join("/")}`,
          "checking permissions",
        )
          .then((r) => r.value === "yes")
          .catch(() => false),
      ),
    ).then((answers) => live && setValue(answers.some(Boolean)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resource, action, key]);
  return value;
}
