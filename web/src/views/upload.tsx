// Upload files for ingest (POST /api/documents, multipart). Large batches belong to `daftar ingest`.
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { ErrorNote } from './common.js';

interface Report {
  added: { fileName: string; id: string }[];
  present: { fileName: string; id: string }[];
  failed: { fileName: string; code: string; message: string }[];
}

export function UploadForm() {
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).querySelector('input[type=file]') as HTMLInputElement;
    if (!input.files?.length) return;
    const fd = new FormData();
    for (const f of input.files) fd.append('file', f, f.name);
    setBusy(true);
    setError(null);
    try {
      setReport(await api<Report>('/api/documents', { method: 'POST', body: fd }));
      input.value = '';
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="upload">
      <summary>{t('Upload')}</summary>
      <form onSubmit={submit}>
        <label>
          <span class="visually-hidden">{t('Upload')}</span>
          <input type="file" multiple />
        </label>{' '}
        <button type="submit" disabled={busy}>
          {t('Upload')}
        </button>
      </form>
      {error != null && <ErrorNote error={error} />}
      {report && (
        <ul class="small" aria-live="polite">
          {report.added.map((a) => (
            <li key={a.id}>
              added <a href={`#/doc/${a.id}`}><bdi>{a.fileName}</bdi></a>
            </li>
          ))}
          {report.present.map((a) => (
            <li key={a.id}>
              already present <a href={`#/doc/${a.id}`}><bdi>{a.fileName}</bdi></a>
            </li>
          ))}
          {report.failed.map((f) => (
            <li key={f.fileName} class="error">
              <bdi>{f.fileName}</bdi>: {f.message} [{f.code}]
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
