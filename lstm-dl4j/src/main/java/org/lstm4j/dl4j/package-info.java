/**
 * The Deeplearning4j backend of lstm4j. Its only public type is {@link org.lstm4j.dl4j.Dl4jBackend};
 * everything it builds on lives in {@code org.lstm4j.dl4j.internal} and is not an API.
 */
package org.lstm4j.dl4j;
