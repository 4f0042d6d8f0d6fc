// The fields of a shift (day, times, break, place, places, responsible, note),
// shared by planning new shifts and changing one. Labels and errors from the
// "shifts" namespace; server-rendered errors keep what was typed.
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { SelectField } from "~/components/ui/choice.tsx";
import { Field } from "~/components/ui/field.tsx";

type Meta = FieldMetadata<unknown, Record<string, unknown>, string[]>;
export type ShiftFieldSet = { day: Meta; startTime: Meta; endTime: Meta; breakMinutes: Meta; place: Meta; slots: Meta; responsibleUserId: Meta; note: Meta };

export function ShiftFields({ fields, responsible }: { fields: ShiftFieldSet; responsible: { id: string; name: string; organisation: string | null }[] }) {
  const { t } = useTranslation("shifts");
  const errors = (meta: Meta) => meta.errors?.map((error) => t(error));
  return (
    <>
      <Field {...getInputProps(fields.day, { type: "date" })} id={fields.day.id} label={t("fields.day")} errors={errors(fields.day)} />
      <div className="grid grid-cols-2 gap-x-3">
        <Field
          {...getInputProps(fields.startTime, { type: "time" })}
          id={fields.startTime.id}
          label={t("fields.startTime")}
          errors={errors(fields.startTime)}
        />
        <Field {...getInputProps(fields.endTime, { type: "time" })} id={fields.endTime.id} label={t("fields.endTime")} errors={errors(fields.endTime)} />
      </div>
      <div className="grid grid-cols-2 gap-x-3">
        <Field
          {...getInputProps(fields.breakMinutes, { type: "number" })}
          id={fields.breakMinutes.id}
          min={0}
          max={240}
          label={t("fields.breakMinutes")}
          hint={t("fields.breakHint")}
          errors={errors(fields.breakMinutes)}
        />
        <Field
          {...getInputProps(fields.slots, { type: "number" })}
          id={fields.slots.id}
          min={1}
          max={30}
          label={t("fields.slots")}
          hint={t("fields.slotsHint")}
          errors={errors(fields.slots)}
        />
      </div>
      <Field {...getInputProps(fields.place, { type: "text" })} id={fields.place.id} label={t("fields.place")} errors={errors(fields.place)} />
      <SelectField
        id={fields.responsibleUserId.id}
        name={fields.responsibleUserId.name}
        defaultValue={(fields.responsibleUserId.initialValue as string | undefined) ?? ""}
        label={t("fields.responsible")}
        hint={t("fields.responsibleHint")}
        errors={errors(fields.responsibleUserId)}
      >
        <option value="">{t("fields.nobody")}</option>
        {responsible.map((user) => (
          <option key={user.id} value={user.id}>
            {user.organisation ? `${user.name} (${user.organisation})` : user.name}
          </option>
        ))}
      </SelectField>
      <Field
        {...getInputProps(fields.note, { type: "text" })}
        id={fields.note.id}
        label={t("fields.note")}
        hint={t("fields.noteHint")}
        errors={errors(fields.note)}
      />
    </>
  );
}
