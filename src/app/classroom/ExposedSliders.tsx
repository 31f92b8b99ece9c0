/**
 * The parameters a classroom link exposes, as sliders. Each drag is one undo step (a gesture)
 * and passes the classroom lock; the value is read back from the document, so undo and other
 * edits show.
 */
import { useCourseStore, useDocumentStore, useStores, type AppStores } from '../../store/index.ts';
import { setRef, sliderFor, type Slider } from './expose.ts';

export function ExposedSliders() {
  const specs = useCourseStore((s) => s.flags.expose);
  const doc = useDocumentStore((s) => s.doc);
  if (specs.length === 0) return null;
  const sliders = specs.map((spec) => ({ spec, slider: sliderFor(doc, spec) }));
  return (
    <section className="sliders" aria-labelledby="sliders-title" data-testid="exposed-sliders">
      <h2 id="sliders-title" className="sliders__title">
        Parameters
      </h2>
      {sliders.map(({ spec, slider }) =>
        typeof slider === 'string' ? (
          <p key={spec.ref} className="sliders__problem" role="note">
            {`expose ${spec.ref}: ${slider} — not shown.`}
          </p>
        ) : (
          <SliderRow key={spec.ref} slider={slider} />
        ),
      )}
    </section>
  );
}

function commitValue(stores: Pick<AppStores, 'docs' | 'lock'>, ref: string, label: string, value: number) {
  const docs = stores.docs.getState();
  stores.lock.unlocked(() => docs.commit(setRef(docs.doc, ref, value), { label: `Set ${label}`, undo: 'gesture', gestureKey: `expose:${ref}` }));
}

function SliderRow({ slider }: { slider: Slider }) {
  const id = `slider-${slider.ref.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const unit = slider.unit ? ` ${slider.unit}` : '';
  const stores = useStores();
  const end = () => stores.docs.getState().endGesture();
  return (
    <div className="sliders__row">
      <label htmlFor={id} className="sliders__label">
        {slider.label}
      </label>
      <output htmlFor={id} className="sliders__value" data-testid={`${id}-value`}>
        {`${slider.value}${unit}`}
      </output>
      <input
        id={id}
        type="range"
        min={slider.min}
        max={slider.max}
        step={slider.step}
        value={slider.value}
        aria-valuetext={`${slider.value}${unit}`}
        data-testid={id}
        onChange={(e) => commitValue(stores, slider.ref, slider.label, Number(e.target.value))}
        onPointerUp={end}
        onKeyUp={end}
        onBlur={end}
      />
      <span className="sliders__bounds" aria-hidden="true">
        <span>{slider.min}</span>
        <span>{slider.max}</span>
      </span>
    </div>
  );
}
