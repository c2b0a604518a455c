// --update-* / --rollback-* flags -> UpdateConfig: docker's defaults, field-named errors.
import { applyUpdateFlags, DEFAULT_UPDATE_CONFIG } from '../../../cli/commands/service-update-config';

describe('service update config flags', () => {
  it("fills docker's defaults: parallelism 1, no delay, stop-first, pause, monitor 5s", () => {
    expect(applyUpdateFlags('update', {})).toEqual(DEFAULT_UPDATE_CONFIG);
    expect(DEFAULT_UPDATE_CONFIG).toMatchObject({
      parallelism: 1,
      delayNs: 0,
      order: 'STOP_FIRST',
      monitorNs: 5e9,
    });
  });

  it('applies flags over the current config', () => {
    const base = applyUpdateFlags('update', { parallelism: 3, delay: '10s' });
    expect(
      applyUpdateFlags('update', { order: 'start-first', failureAction: 'rollback' }, base),
    ).toMatchObject({
      parallelism: 3,
      delayNs: 10e9,
      order: 'START_FIRST',
      failureAction: 'ROLLBACK',
    });
    expect(applyUpdateFlags('update', { monitor: '500ms', maxFailureRatio: '0.25' })).toMatchObject({
      monitorNs: 500e6,
      maxFailureRatio: 0.25,
    });
  });

  it('names the flag on bad input', () => {
    expect(() => applyUpdateFlags('update', { order: 'sideways' })).toThrow(
      /--update-order: must be stop-first or start-first/,
    );
    expect(() => applyUpdateFlags('update', { delay: 'soon' })).toThrow(
      /--update-delay: "soon" is not a duration/,
    );
    expect(() => applyUpdateFlags('update', { failureAction: 'explode' })).toThrow(/--update-failure-action/);
    expect(() => applyUpdateFlags('rollback', { failureAction: 'rollback' })).toThrow(
      /--rollback-failure-action: must be pause or continue/,
    );
    expect(() => applyUpdateFlags('update', { maxFailureRatio: '1.5' })).toThrow(
      /--update-max-failure-ratio/,
    );
  });
});
