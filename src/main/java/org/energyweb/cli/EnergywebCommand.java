package org.energyweb.cli;
public class EnergywebCommand { public static void main(String[] a) {} }
