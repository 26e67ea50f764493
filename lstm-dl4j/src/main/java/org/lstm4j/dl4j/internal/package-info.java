/**
 * Implementation of the Deeplearning4j backend. Not an API: everything here may change without notice.
 * {@link org.lstm4j.dl4j.internal.Dl4jEngine} is public only so that {@link org.lstm4j.dl4j.Dl4jBackend} can reach it.
 */
package org.lstm4j.dl4j.internal;
