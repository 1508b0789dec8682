/** Failed operations of the window, by TSP, each bar split by the error type of the last attempt. */
import { words } from './format.ts';
import type { FailureCounts } from './operations.ts';

const MAX_BARS = 8;

export function FailureChart({ counts, operations }: { counts: FailureCounts; operations: number }) {
  const top = counts.byTsp.slice(0, MAX_BARS);
  const widest = top[0]?.count ?? 1;
  return (
    <section class="panel chart" aria-labelledby="chart-title">
      <header class="panel-head">
        <h2 id="chart-title">Failures by TSP</h2>
        <span class="muted">
          {counts.total} of {operations} failed
        </span>
      </header>
      {counts.total === 0 ? (
        <p class="muted">No failed operation in this window.</p>
      ) : (
        <>
          <ul class="legend" aria-label="Error types">
            {counts.errorTypes.map((type) => (
              <li key={type}>
                <span class={`swatch e-${type.toLowerCase()}`} aria-hidden="true" /> {words(type)}
              </li>
            ))}
          </ul>
          <ul class="bars">
            {top.map((bar) => (
              <li
                key={bar.tsp}
                aria-label={`${words(bar.tsp)}: ${bar.count} failed (${Object.entries(bar.byErrorType)
                  .map(([type, n]) => `${n} ${words(type)}`)
                  .join(', ')})`}
              >
                <span class="bar-label">{words(bar.tsp)}</span>
                <span class="bar-track" aria-hidden="true">
                  {counts.errorTypes.map((type) =>
                    bar.byErrorType[type] ? (
                      <span
                        key={type}
                        class={`bar e-${type.toLowerCase()}`}
                        style={{ width: `${((bar.byErrorType[type] ?? 0) / widest) * 100}%` }}
                        title={`${bar.byErrorType[type]} ${words(type)}`}
                      />
                    ) : null,
                  )}
                </span>
                <span class="bar-count">{bar.count}</span>
              </li>
            ))}
          </ul>
          {counts.byTsp.length > MAX_BARS ? (
            <p class="muted">and {counts.byTsp.length - MAX_BARS} more TSPs</p>
          ) : null}
        </>
      )}
    </section>
  );
}
