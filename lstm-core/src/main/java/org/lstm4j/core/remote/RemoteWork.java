package org.lstm4j.core.remote;

import java.io.Serializable;

/**
 * One piece of a run's work that may execute in another process: a function of a serializable input to a
 * serializable output, itself serializable (it travels to where it runs), holding no state of the driver.
 *
 * @param <I> what it is given
 * @param <O> what it gives back to the driver
 */
@FunctionalInterface
public interface RemoteWork<I extends Serializable, O extends Serializable> extends Serializable {

    /**
     * Does the work.
     *
     * @throws Exception when the work cannot be done; the driver's run fails with its message
     */
    O apply(I input) throws Exception;
}
