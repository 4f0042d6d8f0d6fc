// The housing-area choice of the family, move and filter forms: an empty first option that says what no choice
// means ("choose", "all"), then every area by the name a reader sees (areaName).
import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { areaName } from "./area-name.ts";
import { SelectField } from "./ui/choice.tsx";

type Area = { id: string; name: string; isPlanArea: boolean };

/** The options alone, for a select of one's own (several rows of one form share them). */
export function AreaOptions({ areas, empty }: { areas: readonly Area[]; empty: string }) {
  const { t } = useTranslation("common");
  return (
    <>
      <option value="">{empty}</option>
      {areas.map((area) => (
        <option key={area.id} value={area.id}>
          {areaName(area, t)}
        </option>
      ))}
    </>
  );
}

export function AreaSelect({ areas, empty, ...select }: Omit<ComponentProps<typeof SelectField>, "children"> & { areas: readonly Area[]; empty: string }) {
  return (
    <SelectField {...select}>
      <AreaOptions areas={areas} empty={empty} />
    </SelectField>
  );
}
