import {
  Caption1,
  Field,
  Input,
  Radio,
  RadioGroup,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  CalendarLtrRegular,
  DocumentTableRegular,
  LocalLanguageRegular,
} from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { isoOfLocalDate, viDate } from '../../core/time/calendar';
import { DUE_SOON_MAX, DUE_SOON_MIN, parseViDate } from '../model/settings';
import { Section, useCommonStyles } from './common';
import { usePaneState, useStore, useStrings } from './context';

const useStyles = makeStyles({
  dateInput: { maxWidth: '180px' },
  numberInput: { maxWidth: '100px' },
  indent: { paddingLeft: tokens.spacingHorizontalXXL },
});

/** Step 5: how the workbook is built, remembered on this computer. */
export function SettingsStep() {
  const state = usePaneState();
  const store = useStore();
  const t = useStrings();
  const styles = useStyles();
  const common = useCommonStyles();
  const s = state.settings;
  const [fixed, setFixed] = useState(s.reportDate !== null);
  const [dateText, setDateText] = useState(viDate(s.reportDate ?? isoOfLocalDate(new Date())));
  const [daysText, setDaysText] = useState(String(s.dueSoonDays));

  useEffect(() => setDaysText(String(s.dueSoonDays)), [s.dueSoonDays]);

  const dateValid = !fixed || parseViDate(dateText) !== null;
  const days = Number(daysText);
  const daysValid = Number.isInteger(days) && days >= DUE_SOON_MIN && days <= DUE_SOON_MAX;

  const commitDate = (text: string, isFixed: boolean): void => {
    if (!isFixed) {
      store.updateSettings({ reportDate: null });
      return;
    }
    const iso = parseViDate(text);
    if (iso) store.updateSettings({ reportDate: iso });
  };

  return (
    <div className={common.stack}>
      <Caption1 as="p" className={common.hint}>
        {t.settings.intro}
      </Caption1>
      <Section title={t.settings.deadlinesTitle} icon={<CalendarLtrRegular />}>
        <Field label={t.settings.reportDate}>
          <RadioGroup
            value={fixed ? 'fixed' : 'today'}
            onChange={(_e, data) => {
              const isFixed = data.value === 'fixed';
              setFixed(isFixed);
              commitDate(dateText, isFixed);
            }}
          >
            <Radio value="today" label={t.settings.reportDateToday} />
            <Radio value="fixed" label={t.settings.reportDateFixed} />
          </RadioGroup>
        </Field>
        {fixed ? (
          <Field
            className={styles.indent}
            label={t.settings.reportDateInput}
            hint={dateValid ? t.settings.reportDateHint : undefined}
            validationState={dateValid ? 'none' : 'error'}
            validationMessage={dateValid ? undefined : t.settings.reportDateInvalid}
          >
            <Input
              className={styles.dateInput}
              value={dateText}
              inputMode="numeric"
              placeholder="dd/mm/yyyy"
              data-testid="report-date"
              onChange={(_e, data) => {
                setDateText(data.value);
                commitDate(data.value, true);
              }}
            />
          </Field>
        ) : null}

        <Field
          label={t.settings.dueSoon}
          hint={daysValid ? t.settings.dueSoonHint : undefined}
          validationState={daysValid ? 'none' : 'error'}
          validationMessage={daysValid ? undefined : t.settings.dueSoonInvalid}
        >
          <Input
            className={styles.numberInput}
            type="number"
            min={DUE_SOON_MIN}
            max={DUE_SOON_MAX}
            value={daysText}
            data-testid="due-soon"
            onChange={(_e, data) => {
              setDaysText(data.value);
              const n = Number(data.value);
              if (Number.isInteger(n) && n >= DUE_SOON_MIN && n <= DUE_SOON_MAX)
                store.updateSettings({ dueSoonDays: n });
            }}
          />
        </Field>

        <Field label={t.settings.beforeRule} hint={t.settings.beforeHint}>
          <RadioGroup
            value={s.beforeInclusive ? 'inclusive' : 'exclusive'}
            onChange={(_e, data) =>
              store.updateSettings({ beforeInclusive: data.value === 'inclusive' })
            }
          >
            <Radio value="exclusive" label={t.settings.beforeExclusive} />
            <Radio value="inclusive" label={t.settings.beforeInclusive} />
          </RadioGroup>
        </Field>
      </Section>

      <Section title={t.settings.workbookTitle} icon={<DocumentTableRegular />}>
        <Field hint={t.settings.includeSupportHint}>
          <Switch
            checked={s.includeSupport}
            label={t.settings.includeSupport}
            onChange={(_e, data) => store.updateSettings({ includeSupport: data.checked })}
          />
        </Field>

        <Field hint={t.settings.groupSheetsHint}>
          <Switch
            checked={s.groupSheets}
            label={t.settings.groupSheets}
            onChange={(_e, data) => store.updateSettings({ groupSheets: data.checked })}
          />
        </Field>
      </Section>

      <Section title={t.settings.language} icon={<LocalLanguageRegular />}>
        <Field label={t.settings.languageLabel} hint={t.settings.languageHint}>
          <RadioGroup
            value={s.language}
            onChange={(_e, data) => store.setLanguage(data.value === 'en' ? 'en' : 'vi')}
          >
            <Radio value="vi" label={<span lang="vi">Tiếng Việt</span>} />
            <Radio value="en" label={<span lang="en">English</span>} />
          </RadioGroup>
        </Field>
      </Section>
    </div>
  );
}
