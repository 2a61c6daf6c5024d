/**
 * The Exercises tab: the open pack (title, description, where it came from), its
 * exercises in order with a solved mark and the progress, the completion report, and
 * another pack to open (the curriculum, a file — opened or dropped here — or an address).
 * A pack that cannot be opened says why, with the JSON path of every fault, and changes
 * nothing: the pack that was open stays open below the message.
 */
import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { PackJson } from '../../engine/scenario/types';
import { Icon } from '../components/Icon';
import { useLang, useT } from '../i18n';
import { useAppStore } from '../store';
import { openPack, type PackSource, type PackStatus } from '../store/exerciseSlice';
import { dismissFailure, openCurriculum, openExercise, openPackFile, openPackUrl } from './classroom';
import { localizedText } from './describeGoal';
import { exercisesOf } from './packs';
import { buildReport, downloadReport } from './report';
import './classroom.css';

export default function ExercisesView() {
  const t = useT();
  const status = useAppStore((s) => s.packStatus);
  const shown = openPack(status);

  return (
    <div className="exercises-view">
      <h2 className="visually-hidden">{t('class.title')}</h2>
      {status.state === 'loading' ? (
        <p className="muted" role="status">
          {t('class.loading')}
        </p>
      ) : null}
      {status.state === 'failed' ? <Failure status={status} /> : null}
      {shown ? <PackOverview pack={shown.pack} source={shown.source} /> : status.state !== 'loading' ? <NoPack /> : null}
      <OtherPack />
    </div>
  );
}

function NoPack() {
  const t = useT();
  return (
    <div className="exercises-empty">
      <h3>{t('class.none.title')}</h3>
      <p>{t('class.none.body')}</p>
      <button type="button" className="button primary" onClick={() => void openCurriculum()}>
        {t('class.openCurriculum')}
      </button>
    </div>
  );
}

function Failure({ status }: { readonly status: Extract<PackStatus, { state: 'failed' }> }) {
  const t = useT();
  const title = useRef<HTMLDivElement>(null);
  useEffect(() => title.current?.focus(), [status]);
  return (
    <div ref={title} className="error-box exercises-failure" role="alert" tabIndex={-1}>
      <p className="error-title">
        <Icon name="error" size={16} />
        {t('class.failed.title')}
      </p>
      {status.message ? <p>{status.message}</p> : null}
      {status.faults && status.faults.length > 0 ? (
        <ul className="exercises-faults">
          {status.faults.slice(0, 20).map((fault, i) => (
            <li key={i}>
              <code>{fault.path}</code> {fault.message}
            </li>
          ))}
        </ul>
      ) : null}
      <p>{t('class.failed.nothingChanged')}</p>
      <button type="button" className="button secondary small" onClick={dismissFailure}>
        {t('class.failed.dismiss')}
      </button>
    </div>
  );
}

function sourceText(t: ReturnType<typeof useT>, source: PackSource): string {
  if (source.kind === 'builtin') return t('class.source.builtin');
  if (source.kind === 'url') return t('class.source.url', { url: source.url });
  return t('class.source.file', { name: source.name });
}

function PackOverview({ pack, source }: { readonly pack: PackJson; readonly source: PackSource }) {
  const t = useT();
  const lang = useLang();
  const progress = useAppStore((s) => s.progress);
  const active = useAppStore((s) => s.activeExercise);
  const [report, setReport] = useState<{ readonly state: 'idle' | 'working' } | { readonly state: 'failed'; readonly message: string }>({ state: 'idle' });
  const all = exercisesOf(pack);
  const solved = all.filter((e) => progress[e.exercise.id]?.solvedAt !== undefined).length;

  const makeReport = async () => {
    setReport({ state: 'working' });
    try {
      downloadReport(await buildReport());
      setReport({ state: 'idle' });
    } catch (error) {
      setReport({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="pack-overview" aria-labelledby="pack-title">
      <h3 id="pack-title" className="pack-title">
        {localizedText(pack.title, lang) ?? pack.id}
      </h3>
      {pack.description ? <p className="pack-description">{localizedText(pack.description, lang)}</p> : null}
      <p className="muted pack-source">{sourceText(t, source)}</p>
      <div className="pack-progress">
        <label htmlFor="pack-progress-bar">{t('class.progressLabel')}</label>
        <progress id="pack-progress-bar" max={all.length} value={solved} />
        <span>{t('class.progress', { solved, total: all.length })}</span>
      </div>
      <div className="pack-report">
        <button type="button" className="button secondary" disabled={report.state === 'working'} onClick={() => void makeReport()}>
          {report.state === 'working' ? t('class.reporting') : t('class.report')}
        </button>
        {report.state === 'failed' ? (
          <p className="inline-error" role="alert">
            {t('class.reportFailed', { message: report.message })}
          </p>
        ) : null}
      </div>
      <ol className="exercise-list" aria-label={t('class.list')}>
        {all.map(({ exercise, scenario }, i) => {
          const p = progress[exercise.id];
          const state = p?.solvedAt !== undefined ? 'solved' : p?.workspaceId !== undefined ? 'started' : 'new';
          const title = localizedText(scenario.title, lang) ?? exercise.id;
          return (
            <li key={exercise.id} className={`exercise-item is-${state}${active === exercise.id ? ' is-current' : ''}`}>
              <span className="exercise-item-n" aria-hidden="true">
                {i + 1}
              </span>
              <div className="exercise-item-main">
                <button type="button" className="exercise-item-open" onClick={() => void openExercise(exercise.id)} aria-describedby={`exercise-state-${i}`}>
                  {title}
                </button>
                <p className="exercise-item-task">{localizedText(scenario.description, lang) ?? localizedText(exercise.task, lang)}</p>
              </div>
              <span id={`exercise-state-${i}`} className={`exercise-item-state is-${state}`}>
                <Icon name={state === 'solved' ? 'allowed' : state === 'started' ? 'implicitDeny' : 'info'} size={14} />
                {t(state === 'solved' ? 'class.item.solved' : state === 'started' ? 'class.item.started' : 'class.item.new')}
                {active === exercise.id ? ` · ${t('class.item.current')}` : ''}
                {exercise.worldLocked ? ` · ${t('class.item.locked')}` : ''}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function OtherPack() {
  const t = useT();
  const hasPack = useAppStore((s) => s.packStatus.state === 'ready' || s.packStatus.state === 'failed');
  const [url, setUrl] = useState('');
  const [over, setOver] = useState(false);
  const file = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (url.trim() !== '') void openPackUrl(url.trim());
  };
  // A pack dropped here is this view's: the page-wide drop (a world import) must not also take it.
  const drop = (event: DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) void openPackFile(dropped);
  };
  const dragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.stopPropagation();
    setOver(true);
  };

  return (
    <section className={`other-pack${over ? ' is-over' : ''}`} aria-labelledby="other-pack-title" onDragOver={dragOver} onDragLeave={() => setOver(false)} onDrop={drop}>
      <h3 id="other-pack-title">{t('class.other')}</h3>
      <div className="other-pack-row">
        {hasPack ? (
          <button type="button" className="button secondary small" onClick={() => void openCurriculum()}>
            {t('class.openCurriculum')}
          </button>
        ) : null}
        <button type="button" className="button secondary small" onClick={() => file.current?.click()}>
          {t('class.openFile')}
        </button>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('class.openFile')}
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            event.target.value = '';
            if (chosen) void openPackFile(chosen);
          }}
        />
        <span className="muted">{t('class.dropHint')}</span>
      </div>
      <form className="other-pack-row" onSubmit={submit}>
        <label htmlFor="pack-url">{t('class.urlLabel')}</label>
        <input id="pack-url" type="text" inputMode="url" spellCheck={false} className="text-input" placeholder={t('class.urlPlaceholder')} value={url} onChange={(e) => setUrl(e.target.value)} />
        <button type="submit" className="button secondary small" disabled={url.trim() === ''}>
          {t('class.urlOpen')}
        </button>
      </form>
    </section>
  );
}
