/** The measured profile against the built-in profile of the same model (the paper's V100 figures). */
import { compareWithBuiltin } from '../../gpu/compare';
import { formatMs } from '../../gpu/measuredView';
import type { Profile } from '../../core/profiles/types';

export function BuiltinComparison({ profile, builtin }: { profile: Profile; builtin: string | null }) {
  const cmp = compareWithBuiltin(profile, builtin);
  if (!cmp) return <p className="note">No built-in profile of this model to compare with (the built-ins are the paper&apos;s BERT-1.3B, 2.6B and 6.7B).</p>;
  return (
    <table className="measure-compare" data-testid="measure-compare">
      <caption className="note">
        Compared with the built-in <code>{cmp.builtin}</code> ({cmp.source}; one V100, sequence 2048, fp16)
      </caption>
      <thead>
        <tr>
          <th scope="col">config</th>
          <th scope="col">measured total</th>
          <th scope="col">built-in total</th>
          <th scope="col">measured / built-in</th>
          <th scope="col">slowest stage: measured, built-in</th>
        </tr>
      </thead>
      <tbody>
        {cmp.rows.map((r) => (
          <tr key={r.pp}>
            <th scope="row">pp {r.pp}</th>
            <td>{formatMs(r.measuredTotal)}</td>
            <td>{formatMs(r.builtinTotal)}</td>
            <td>{r.ratio >= 1 ? `${r.ratio.toPrecision(3)}x slower` : `${(1 / r.ratio).toPrecision(3)}x faster`}</td>
            <td>
              {formatMs(r.measuredSlowest)}, {formatMs(r.builtinSlowest)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
