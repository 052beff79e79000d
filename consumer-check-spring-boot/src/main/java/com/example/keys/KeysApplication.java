package com.example.keys;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A user's application on the API Keys starter. */
@SpringBootApplication
public class KeysApplication {

  /**
   * Starts the application.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    SpringApplication.run(KeysApplication.class, args);
  }
}
