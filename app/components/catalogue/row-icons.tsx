// Small pictograms for the facts on a catalogue card (when, where, ages,
// price): they let a reader who reads little find the line they need.
// Decorative: each line also has a text label for screen readers.
import type { SVGProps } from "react";
import { Icon } from "../icons.tsx";

export type RowIconName = "clock" | "pin" | "person" | "money";

export function RowIcon({ name, ...props }: { name: RowIconName } & SVGProps<SVGSVGElement>) {
  return <Icon name={name} {...props} />;
}
