// The plan's units: names that look like one office offered for merging, any units merged by
// hand, a spelling split off, and the office's unit directory — kept on this computer for the
// next plans, downloaded as the `--units` file of the command line, or opened from one.

import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Field,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  ArrowSplitRegular,
  DeleteRegular,
  FolderOpenRegular,
  MergeRegular,
  PeopleTeamRegular,
  SaveRegular,
} from '@fluentui/react-icons';
import { useId, useRef, useState } from 'react';
import type { MergeSuggestion } from '../../core/unitdir';
import type { Plan, PlanUnit } from '../../core/plan/types';
import { unitKey } from '../../core/units';
import { Section, useCommonStyles } from './common';
import { usePaneState, useStore, useStrings } from './context';

const useStyles = makeStyles({
  suggestion: {
    border: `1px solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorBrandBackground2,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    // A fieldset is as wide as its content by default: a long unit name would push the page.
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  heading: { margin: 0, fontSize: 'inherit', fontWeight: tokens.fontWeightSemibold },
  names: { display: 'flex', flexDirection: 'column' },
  select: { maxWidth: '100%', minWidth: 0 },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  unit: {
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    overflowWrap: 'break-word',
  },
  spellings: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    paddingLeft: tokens.spacingHorizontalXXL,
    color: tokens.colorNeutralForeground2,
  },
  hiddenInput: { display: 'none' },
});

/** One suggestion: the names (each may be unticked), the name to keep, merge or dismiss. */
function Suggestion({ suggestion }: { suggestion: MergeSuggestion }) {
  const store = useStore();
  const t = useStrings();
  const styles = useStyles();
  const common = useCommonStyles();
  const [ticked, setTicked] = useState<string[]>(suggestion.names);
  const [keep, setKeep] = useState(suggestion.names[0]!);
  const kept = ticked.includes(keep) ? keep : (ticked[0] ?? keep);
  return (
    <fieldset className={styles.suggestion} data-testid="merge-suggestion">
      <legend className={styles.legend}>{t.preview.suggestionsTitle}</legend>
      <Caption1 as="p" className={common.hint}>
        {t.preview.suggestionHint}
      </Caption1>
      <div className={styles.names}>
        {suggestion.names.map((name) => (
          <Checkbox
            key={name}
            label={name}
            checked={ticked.includes(name)}
            onChange={(_e, data) =>
              setTicked((xs) => (data.checked ? [...xs, name] : xs.filter((x) => x !== name)))
            }
          />
        ))}
      </div>
      <Field label={t.preview.keepName} size="small">
        <Select
          size="small"
          className={styles.select}
          value={kept}
          onChange={(_e, data) => setKeep(data.value)}
          data-testid="merge-keep"
        >
          {suggestion.names
            .filter((n) => ticked.includes(n))
            .map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
        </Select>
      </Field>
      <div className={common.actions}>
        <Button
          appearance="primary"
          size="small"
          icon={<MergeRegular />}
          disabled={ticked.length < 2}
          onClick={() => store.mergeUnits(ticked, kept)}
          data-testid="merge-apply"
        >
          {t.preview.merge}
        </Button>
        <Button size="small" onClick={() => store.dismissSuggestion(suggestion.key)}>
          {t.preview.notSame}
        </Button>
      </div>
    </fieldset>
  );
}

/** A unit's other spellings (one per comparison key), each of which may be split off. */
function spellingsOf(unit: PlanUnit): string[] {
  const own = unitKey(unit.name);
  const seen = new Set([own]);
  const out: string[] = [];
  for (const alias of unit.aliases) {
    const key = unitKey(alias);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}

function UnitList({ plan }: { plan: Plan }) {
  const store = useStore();
  const t = useStrings();
  const styles = useStyles();
  const common = useCommonStyles();
  const [selected, setSelected] = useState<string[]>([]);
  const [into, setInto] = useState('');
  const chosen = selected.filter((n) => plan.units.some((u) => u.name === n));
  const target = chosen.includes(into) ? into : (chosen[0] ?? '');
  return (
    <details data-testid="unit-list">
      <summary className={styles.summary}>{t.preview.unitsTitle(plan.units.length)}</summary>
      <ul className={styles.list}>
        {plan.units.map((u) => {
          const spellings = spellingsOf(u);
          return (
            <li key={u.name} className={styles.unit} data-testid="unit" data-unit={u.name}>
              <Checkbox
                label={
                  <>
                    {u.name}{' '}
                    {u.group ? (
                      <Badge appearance="outline" size="small">
                        {t.preview.groupUnit}
                      </Badge>
                    ) : null}{' '}
                    <Caption1 className={common.hint}>
                      (
                      {[
                        u.leadCount ? t.preview.unitLead(u.leadCount) : '',
                        u.supportCount ? t.preview.unitSupport(u.supportCount) : '',
                      ]
                        .filter(Boolean)
                        .join(', ')}
                      )
                    </Caption1>
                  </>
                }
                checked={selected.includes(u.name)}
                onChange={(_e, data) =>
                  setSelected((xs) =>
                    data.checked ? [...xs, u.name] : xs.filter((x) => x !== u.name),
                  )
                }
              />
              {spellings.length > 0 ? (
                <div className={styles.spellings}>
                  <Caption1>{t.preview.spellings}:</Caption1>
                  {spellings.map((alias) => (
                    <span key={alias}>
                      <Caption1>“{alias}”</Caption1>{' '}
                      <Button
                        size="small"
                        appearance="subtle"
                        icon={<ArrowSplitRegular />}
                        aria-label={t.preview.splitLabel(alias)}
                        onClick={() => store.splitUnit(u.name, alias)}
                        data-testid="unit-split"
                      >
                        {t.preview.split}
                      </Button>
                    </span>
                  ))}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {chosen.length >= 2 ? (
        <div className={common.actions}>
          <Field label={t.preview.mergeInto} size="small">
            <Select
              size="small"
              className={styles.select}
              value={target}
              onChange={(_e, data) => setInto(data.value)}
            >
              {chosen.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            size="small"
            appearance="primary"
            icon={<MergeRegular />}
            onClick={() => {
              store.mergeUnits(chosen, target);
              setSelected([]);
            }}
            data-testid="merge-selected"
          >
            {t.preview.mergeSelected(chosen.length)}
          </Button>
        </div>
      ) : null}
    </details>
  );
}

/** The office's directory: kept, downloaded, opened, forgotten. */
function Directory() {
  const state = usePaneState();
  const store = useStore();
  const t = useStrings();
  const styles = useStyles();
  const common = useCommonStyles();
  const input = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const kept = state.officeUnits;
  const unsaved = state.fixes.some((f) => f.units.length > 0);
  return (
    <div className={common.tight} role="group" aria-labelledby={headingId} data-testid="directory">
      <h3 id={headingId} className={styles.heading}>
        {t.preview.directoryTitle}
      </h3>
      <Caption1 as="p" className={common.hint} data-testid="directory-status">
        {kept ? t.preview.directoryKept(kept.length) : t.preview.directoryNone}
      </Caption1>
      <div className={common.actions}>
        <Button
          size="small"
          appearance={unsaved ? 'primary' : 'secondary'}
          icon={<SaveRegular />}
          onClick={store.saveOfficeUnits}
          data-testid="directory-save"
        >
          {t.preview.saveDirectory}
        </Button>
        <Button
          size="small"
          icon={<ArrowDownloadRegular />}
          onClick={() => store.exportUnits('csv')}
          data-testid="directory-export"
        >
          {t.preview.exportDirectory}
        </Button>
        <Button size="small" icon={<FolderOpenRegular />} onClick={() => input.current?.click()}>
          {t.preview.openDirectory}
        </Button>
        {kept ? (
          <Button
            size="small"
            appearance="subtle"
            icon={<DeleteRegular />}
            onClick={store.forgetOfficeUnits}
            data-testid="directory-forget"
          >
            {t.preview.forgetDirectory}
          </Button>
        ) : null}
      </div>
      <Caption1 as="p" className={common.hint}>
        {t.preview.directoryHint}
      </Caption1>
      <input
        ref={input}
        type="file"
        accept=".csv,.json,.tsv,.txt"
        aria-label={t.preview.openDirectory}
        className={styles.hiddenInput}
        data-testid="directory-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file)
            void file
              .arrayBuffer()
              .then((b) => store.openOfficeUnits(file.name, new Uint8Array(b)));
        }}
      />
    </div>
  );
}

/** The plan's units, and the office's unit directory. */
export function UnitsCard({ plan }: { plan: Plan }) {
  const state = usePaneState();
  const t = useStrings();
  const common = useCommonStyles();
  if (plan.units.length === 0 && !state.officeUnits) return null;
  return (
    <Section
      title={t.preview.unitsTitle(plan.units.length)}
      icon={<PeopleTeamRegular />}
      testId="units"
    >
      <Caption1 as="p" className={common.hint}>
        {t.preview.unitsIntro}
      </Caption1>
      {state.suggestions.map((s) => (
        <Suggestion key={s.key} suggestion={s} />
      ))}
      {plan.units.length > 0 ? <UnitList plan={plan} /> : null}
      <Directory />
    </Section>
  );
}
