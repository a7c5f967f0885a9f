import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { type SavedView, SavedViewListSchema, SavedViewSchema } from "../../../contracts/detection.ts";
import { apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { ModalDialog } from "../../components/modal-dialog.tsx";
import { useApi } from "../../use-api.ts";
import { type DetectionFilterState, fromDetectionFilters, toDetectionFilters } from "./detection-filters.ts";

type Dialog = { kind: "rename" | "delete"; view: SavedView } | undefined;

/** The user's saved views: apply one, save the current filters, rename, replace or delete (confirmed). */
export function SavedViewsPanel({
  filters,
  onApply,
}: {
  filters: DetectionFilterState;
  onApply(filters: DetectionFilterState): void;
}) {
  const { t } = useTranslation("detection");
  const views = useApi(() => apiRequest("/api/me/saved-views", SavedViewListSchema));
  const [selectedId, setSelectedId] = useState("");
  const [newName, setNewName] = useState("");
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState("");
  const [dialog, setDialog] = useState<Dialog>();
  const items = views.status === "ready" ? views.data.items : [];
  const selected = items.find((view) => view.id === selectedId);

  async function run(work: () => Promise<string>) {
    setError(undefined);
    setMessage("");
    try {
      setMessage(await work());
      views.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const name = newName.trim();
    if (!name) return;
    void run(async () => {
      const view = await apiRequest("/api/me/saved-views", SavedViewSchema, {
        method: "POST",
        body: { name, filters: toDetectionFilters(filters) },
      });
      setNewName("");
      setSelectedId(view.id);
      return t("views.saved", { name: view.name });
    });
  }

  function replaceFilters(view: SavedView) {
    void run(async () => {
      await apiRequest(`/api/me/saved-views/${view.id}`, SavedViewSchema, {
        method: "PATCH",
        body: { filters: toDetectionFilters(filters) },
      });
      return t("views.replaced", { name: view.name });
    });
  }

  return (
    <section className="panel" aria-labelledby="saved-views-title">
      <h2 id="saved-views-title">{t("views.title")}</h2>
      <div className="detection-views">
        <div className="field">
          <label htmlFor="saved-view">{t("views.choose")}</label>
          <select
            id="saved-view"
            value={selectedId}
            aria-busy={views.status === "loading"}
            onChange={(event) => setSelectedId(event.target.value)}
          >
            <option value="">{items.length > 0 ? t("views.pick") : t("views.none")}</option>
            {items.map((view) => (
              <option key={view.id} value={view.id}>
                {view.name}
              </option>
            ))}
          </select>
        </div>
        {selected && (
          <div className="detection-actions">
            <button
              type="button"
              className="button"
              onClick={() => onApply(fromDetectionFilters(selected.filters))}
            >
              {t("views.apply")}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => replaceFilters(selected)}
            >
              {t("views.replace")}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setDialog({ kind: "rename", view: selected })}
            >
              {t("views.rename")}
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => setDialog({ kind: "delete", view: selected })}
            >
              {t("views.delete")}
            </button>
          </div>
        )}
        <form onSubmit={save}>
          <div className="field">
            <label htmlFor="saved-view-name">{t("views.name")}</label>
            <input
              id="saved-view-name"
              type="text"
              maxLength={80}
              value={newName}
              onChange={(event) => setNewName(event.target.value)}
            />
          </div>
          <button type="submit" className="button button--secondary" disabled={newName.trim() === ""}>
            {t("views.saveButton")}
          </button>
        </form>
      </div>
      <ErrorAlert error={views.status === "error" ? views.error : error} />
      {message && (
        <p role="status" className="detection-muted">
          {message}
        </p>
      )}
      {dialog?.kind === "rename" && (
        <RenameDialog
          view={dialog.view}
          onClose={() => setDialog(undefined)}
          onRenamed={(view) => {
            setDialog(undefined);
            setError(undefined);
            setMessage(t("views.saved", { name: view.name }));
            views.reload();
          }}
        />
      )}
      <ModalDialog
        isOpen={dialog?.kind === "delete"}
        title={t("views.deleteTitle")}
        onClose={() => setDialog(undefined)}
      >
        <p>{t("views.deleteConfirm", { name: dialog?.view.name ?? "" })}</p>
        <div className="form__actions">
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              const view = dialog?.view;
              if (!view) return;
              setDialog(undefined);
              setSelectedId("");
              void run(async () => {
                await apiRequest(`/api/me/saved-views/${view.id}`, z.undefined(), { method: "DELETE" });
                return t("views.deleted", { name: view.name });
              });
            }}
          >
            {t("views.deleteButton")}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setDialog(undefined)}>
            {t("views.cancel")}
          </button>
        </div>
      </ModalDialog>
    </section>
  );
}

function RenameDialog({
  view,
  onClose,
  onRenamed,
}: {
  view: SavedView;
  onClose(): void;
  onRenamed(view: SavedView): void;
}) {
  const { t } = useTranslation("detection");
  const [name, setName] = useState(view.name);
  const [error, setError] = useState<unknown>();
  async function rename(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    try {
      onRenamed(
        await apiRequest(`/api/me/saved-views/${view.id}`, SavedViewSchema, {
          method: "PATCH",
          body: { name: name.trim() },
        }),
      );
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <ModalDialog isOpen title={t("views.renameTitle")} onClose={onClose}>
      <form className="form" onSubmit={rename}>
        <div className="field">
          <label htmlFor="rename-view">{t("views.name")}</label>
          <input
            id="rename-view"
            type="text"
            maxLength={80}
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <ErrorAlert error={error} />
        <div className="form__actions">
          <button type="submit" className="button">
            {t("views.renameButton")}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t("views.cancel")}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
