package org.lstm4j.api;

/**
 * What runs the tensors.
 *
 * @param name    backend name ({@code dl4j})
 * @param engine  the engine underneath ({@code CpuBackend}, {@code CudaBackend})
 * @param threads compute threads
 */
public record BackendInfo(String name, String engine, int threads) {}
