"use client";

import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { TimeZoneSelect } from "@/components/meeting/time-zone-select";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import { DELIVERY_CHOICES, KIND_LABELS } from "@/lib/email/kind-labels";
import type { NotificationSettingsView } from "@/lib/email/settings";
import type { NotificationKind } from "@/lib/notifications/kinds";
import type { NotificationSettingsValues } from "@/lib/validation/notification-preferences";

type Props = {
  settings: NotificationSettingsView;
  save: (input: NotificationSettingsValues) => Promise<Outcome<NotificationSettingsView>>;
};

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Per kind of notification, one of four choices, and the member's time zone. A member who has
 * not set a zone is offered their browser's, and it is stored when they save.
 */
export function NotificationSettingsForm({ settings, save }: Props) {
  const t = useTranslations();
  const [deliveries, setDeliveries] = useState(settings.deliveries);
  const [chosenZone, setChosenZone] = useState(settings.timeZone);
  const detected = useSyncExternalStore(noSubscription, browserZone, () => null);
  const timeZone = chosenZone ?? detected ?? "";
  const [saved, setSaved] = useState(false);
  const form = useActionForm(save, {
    onSuccess: (data) => {
      setDeliveries(data.deliveries);
      setChosenZone(data.timeZone);
      setSaved(true);
    },
  });
  const kinds = Object.keys(KIND_LABELS) as NotificationKind[];
  const timeZoneError = form.fieldError("timeZone");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    form.submit({ deliveries, timeZone });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <p className="text-sm text-muted">{t("profile.notifications.intro")}</p>
      {kinds.map((kind) => {
        const error = form.fieldError(`deliveries.${kind}`);
        return (
          <fieldset key={kind} className="space-y-2" aria-describedby={`notify-${kind}-hint${error ? ` notify-${kind}-error` : ""}`}>
            <legend className="text-sm font-medium text-ink">{t(`notifications.kinds.${kind}.label`)}</legend>
            <p id={`notify-${kind}-hint`} className="text-xs text-muted">
              {t(`notifications.kinds.${kind}.hint`)}
            </p>
            <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
              {DELIVERY_CHOICES.map((choice) => (
                <label
                  key={choice}
                  className="flex cursor-pointer items-center gap-2 rounded-md border border-line px-3 py-2 text-sm has-[:checked]:border-accent has-[:checked]:bg-paper"
                >
                  <input
                    type="radio"
                    name={`delivery-${kind}`}
                    value={choice}
                    checked={deliveries[kind] === choice}
                    onChange={() => {
                      setDeliveries((current) => ({ ...current, [kind]: choice }));
                      setSaved(false);
                    }}
                    className="accent-accent"
                  />
                  {t(`profile.notifications.choices.${choice}`)}
                </label>
              ))}
            </div>
            {error ? (
              <p id={`notify-${kind}-error`} className="text-sm text-danger">
                {error}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <div className="space-y-1.5">
        <label htmlFor="notify-time-zone" className="block text-sm font-medium text-ink">
          {t("profile.notifications.timeZone")}
        </label>
        <TimeZoneSelect
          id="notify-time-zone"
          value={timeZone}
          onChange={(zone) => {
            setChosenZone(zone);
            setSaved(false);
          }}
          describedBy={`notify-time-zone-hint${timeZoneError ? " notify-time-zone-error" : ""}`}
          invalid={Boolean(timeZoneError)}
        />
        <p id="notify-time-zone-hint" className="text-xs text-muted">
          {settings.timeZone === null && chosenZone === null && detected ? `${t("profile.notifications.fromBrowser")} ` : ""}
          {t("profile.notifications.digestHere")}
        </p>
        {timeZoneError ? (
          <p id="notify-time-zone-error" className="text-sm text-danger">
            {timeZoneError}
          </p>
        ) : null}
      </div>
      <FormAlert error={form.error} shownFields={["timeZone", ...kinds.map((kind) => `deliveries.${kind}`)]} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t("common.saving") : t("profile.notifications.save")}
        </Button>
        <p role="status" className="text-sm text-accent-strong">
          {saved ? t("profile.notifications.saved") : ""}
        </p>
      </div>
    </form>
  );
}
