package dev.atlasendpoints.examples;

/**
 * The README's demo. Until the client layers and the simulator land it only says what it will show.
 */
public final class Demo {

  private Demo() {}

  /**
   * @param args ignored: settings come from the environment, never from the command line
   */
  public static void main(String[] args) {
    System.out.println("Atlas Private Endpoints SDK demo");
    System.out.println("The demo arrives with the examples issue: it will start the local Atlas simulator,");
    System.out.println("create one resource through each of the five operations and print what it did.");
  }
}
